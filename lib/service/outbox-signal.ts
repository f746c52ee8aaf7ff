/**
 * Tells the outbox relay that a transaction with outbox rows has committed, so the rows go out
 * right away instead of waiting for the sweep. Listeners live on globalThis (one per process).
 */
const WRITES = new WeakSet<object>();
const KEY = Symbol.for("kassa.outboxListeners");
/** What committed: the merchants' outbox (`events`), or Stripe's own event rows (`stripe_events`). */
export type OutboxKind = "events" | "stripe";
type Listener = (kind: OutboxKind) => void;
type G = typeof globalThis & { [KEY]?: Set<Listener> };

const listeners = () => ((globalThis as G)[KEY] ??= new Set());

/** Called by commit (lib/service/commit.ts): this transaction carries outbox rows. */
export function markOutboxWrite(tx: object): void {
  WRITES.add(tx);
}

export function hasOutboxWrite(tx: object): boolean {
  return WRITES.has(tx);
}

export function onOutboxCommit(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function signalOutboxCommit(kind: OutboxKind = "events"): void {
  for (const listener of listeners()) listener(kind);
}
