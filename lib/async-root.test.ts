// Long-running work on fresh async roots: each unit's chain of async resources stays as short as one
// unit, however many units run — measured the way React's development hook links them: a promise to
// what triggered it and to the context it was made in, any other resource to what triggered it.
import { createHook, executionAsyncId } from "node:async_hooks";
import { afterEach, expect, it } from "vitest";
import { forEachOnFreshRoot, onFreshRoot } from "./async-root";

let depth = new Map<number, number>();
const hook = createHook({
  init(asyncId, type, triggerAsyncId) {
    const trigger = depth.get(triggerAsyncId) ?? 0;
    depth.set(asyncId, 1 + (type === "PROMISE" ? Math.max(trigger, depth.get(executionAsyncId()) ?? 0) : trigger));
  },
});
afterEach(() => {
  hook.disable();
  depth = new Map();
});

/** One unit of work: a few awaits, a macrotask, like a demo payment. */
async function unit(): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.resolve(i);
  await new Promise((r) => setImmediate(r));
}

it("a plain loop of units is one chain that grows with every unit (what next dev never freed)", async () => {
  hook.enable();
  for (let i = 0; i < 200; i++) await unit();
  hook.disable();
  expect(Math.max(...depth.values())).toBeGreaterThan(200);
});

it("forEachOnFreshRoot keeps each unit's chain as short as one unit, and runs them in order", async () => {
  const order: number[] = [];
  hook.enable();
  await forEachOnFreshRoot(
    Array.from({ length: 200 }, (_, i) => i),
    async (n) => {
      await unit();
      order.push(n);
    },
  );
  hook.disable();
  expect(Math.max(...depth.values())).toBeLessThan(40);
  expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
});

it("forEachOnFreshRoot stops at the first error and rejects with it", async () => {
  const ran: number[] = [];
  const failing = forEachOnFreshRoot([1, 2, 3], async (n) => {
    ran.push(n);
    if (n === 2) throw new Error("unit 2 failed");
  });
  await expect(failing).rejects.toThrow("unit 2 failed");
  expect(ran).toEqual([1, 2]);
});

it("onFreshRoot answers what its work answers, or its error", async () => {
  await expect(onFreshRoot(async () => 42)).resolves.toBe(42);
  await expect(onFreshRoot(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
});
