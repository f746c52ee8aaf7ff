/**
 * Tells the outbox relay that a transaction with outbox rows has committed, so the rows go out
 * right away instead of waiting for the sweep. Listeners live on globalThis (one per process).
 */
const WRITES = new WeakSet<object>();
const KEY = Symbol.for("kassa.outboxListeners");
type G = typeof globalThis & { [KEY]?: Set<() => void> };

const listeners = () => ((globalThis as G)[KEY] ??= new Set());

/** Called by commit (lib/service/commit.ts): this transaction carries outbox rows. */
export function markOutboxWrite(tx: object): void {
  WRITES.add(tx);
}

export function hasOutboxWrite(tx: object): boolean {
  return WRITES.has(tx);
}

export function onOutboxCommit(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function signalOutboxCommit(): void {
  for (const listener of listeners()) listener();
}
