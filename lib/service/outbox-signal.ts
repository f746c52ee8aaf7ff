/**
 * Tells the outbox relay that a transaction with outbox rows has committed, so the rows go out
 * right away instead of waiting for the sweep. Listeners live on globalThis (one per process).
 */
const WRITES = new WeakMap<object, string[]>();
const KEY = Symbol.for("kassa.outboxListeners");
/** `ids`: the outbox rows the commit wrote; none given, the commit wrote rows the relay must look for. */
type Listener = (ids?: readonly string[]) => void;
type G = typeof globalThis & { [KEY]?: Set<Listener> };

const listeners = () => ((globalThis as G)[KEY] ??= new Set());

/** Called by commit (lib/service/commit.ts): this transaction carries these outbox rows. */
export function markOutboxWrite(tx: object, ids: readonly string[]): void {
  const written = WRITES.get(tx);
  if (written) written.push(...ids);
  else WRITES.set(tx, [...ids]);
}

/** The outbox rows written in this transaction (its savepoints' included), or undefined for none. */
export function outboxWrites(tx: object): readonly string[] | undefined {
  return WRITES.get(tx);
}

export function onOutboxCommit(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function signalOutboxCommit(ids?: readonly string[]): void {
  for (const listener of listeners()) listener(ids);
}
