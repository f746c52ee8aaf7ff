import { AsyncResource } from "node:async_hooks";

/**
 * Long-running work on fresh asynchronous roots.
 *
 * Under `next dev`, React's development server runtime keeps debug information for every async
 * resource (an async_hooks hook, installed when the dev runtime loads) and links each promise and
 * await to the one that caused it. Work that runs for minutes as one chain — a loop of awaits, or
 * a queue whose next pass starts from the last one's callback — keeps every link it ever made: the
 * dev server passed 4.5 GB while the demo seed wrote 3,000 payments, and slowed down with it.
 * Starting each unit of such work on a root of its own (an AsyncResource with no trigger) bounds
 * every chain to one unit, so each unit's bookkeeping is garbage once it ends. Production builds
 * have no such hook; there this costs one AsyncResource per unit.
 */

/** Runs `fn` as the first link of a new async chain, not one caused by whatever called it. */
export function onFreshRoot<T>(fn: () => Promise<T>): Promise<T> {
  const root = new AsyncResource("KassaFreshRoot", { triggerAsyncId: 1, requireManualDestroy: true });
  return new Promise<T>((resolve, reject) =>
    root.runInAsyncScope(() =>
      fn().then(
        (value) => (root.emitDestroy(), resolve(value)),
        (error: unknown) => (root.emitDestroy(), reject(error)),
      ),
    ),
  );
}

/**
 * `fn(item, index)` for each item in turn, each on a fresh root: the next starts from a new root
 * rather than from the previous item's continuation, so no chain outlives its item. Stops at the
 * first error and rejects with it.
 */
export function forEachOnFreshRoot<T>(items: readonly T[], fn: (item: T, index: number) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const run = (index: number) => {
      if (index >= items.length) return resolve();
      const root = new AsyncResource("KassaFreshRoot", { triggerAsyncId: 1, requireManualDestroy: true });
      root.runInAsyncScope(() =>
        fn(items[index]!, index).then(
          () => (root.emitDestroy(), run(index + 1)),
          (error: unknown) => (root.emitDestroy(), reject(error)),
        ),
      );
    };
    run(0);
  });
}
