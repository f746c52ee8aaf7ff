import { evaluate } from "./expression";
import type { FunctionConfig, StoredEvent } from "./storage";

type Limit = { limit: number; key?: string; scope: string };

export function concurrencyLimits(config: FunctionConfig): Limit[] {
  const raw = config.concurrency;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.flatMap((c): Limit[] => {
    if (typeof c === "number") return c > 0 ? [{ limit: c, scope: "fn" }] : [];
    const o = c as { limit?: number; key?: string; scope?: string };
    return o.limit && o.limit > 0 ? [{ limit: o.limit, key: o.key, scope: o.scope ?? "fn" }] : [];
  });
}

/** The slots one call occupies: "<scope>:<fn or key expr>:<key value>" per limit. */
export function concurrencySlots(functionId: string, config: FunctionConfig, event: StoredEvent | undefined): { slot: string; limit: number }[] {
  return concurrencyLimits(config).map((l) => {
    let value = "";
    if (l.key) {
      try {
        value = JSON.stringify(evaluate(l.key, { event }) ?? null);
      } catch {
        value = "!invalid";
      }
    }
    const owner = l.scope === "fn" ? functionId : `${l.key ?? ""}`;
    return { slot: `${l.scope}:${owner}:${value}`, limit: l.limit };
  });
}

/**
 * Calls admitted to run right now, per slot. Held in memory on purpose: it counts this executor's
 * in-flight HTTP calls, which end with the process (their leases expire and are retried).
 */
export class ConcurrencyGate {
  private running = new Map<string, number>();

  /** Takes the slots if every limit has room; returns a release function, or undefined if full. */
  tryAcquire(slots: { slot: string; limit: number }[]): (() => void) | undefined {
    if (slots.some((s) => (this.running.get(s.slot) ?? 0) >= s.limit)) return undefined;
    for (const s of slots) this.running.set(s.slot, (this.running.get(s.slot) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const s of slots) {
        const n = (this.running.get(s.slot) ?? 1) - 1;
        if (n <= 0) this.running.delete(s.slot);
        else this.running.set(s.slot, n);
      }
    };
  }
}
