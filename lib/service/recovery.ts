import type { ServiceContext } from "./context";

/**
 * Recovery points for verbs with a side effect between two phases (Brandur's atomic phases). Phase A
 * commits the object it made with `changes.recoveryPoint(point, data)` (lib/service/commit.ts); the side
 * effect is keyed by that object's id; phase B commits the outcome with `changes.respond(...)`. A retry
 * with the same Idempotency-Key reads `recoveryOf(ctx, point)` and resumes that object — never a second
 * one — or gets the stored answer replayed.
 */

/** What a crashed earlier try of this request recorded at `point`, if anything. */
export function recoveryOf<T extends object>(ctx: ServiceContext, point: string): Partial<T> | undefined {
  const r = ctx.idempotency?.recovery as ({ point?: string } & Partial<T>) | undefined | null;
  return r && r.point === point ? r : undefined;
}
