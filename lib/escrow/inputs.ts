import { z } from "zod";
import type { EscrowState } from "@/db/schema/escrow";
import { KassaError } from "@/lib/service/errors";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest hold (the issue's ≤ 365 days), for release_after_days and release_at alike. */
export const MAX_ESCROW_DAYS = 365;

/**
 * `escrow` on POST /api/v1/payments: release at a fixed time (`release_at`, unix seconds) or N days after
 * the capture (`release_after_days`, 1–365), with a dispute window of `dispute_window_days` after the capture
 * (0 = no disputes; omitted = until the release). The window never ends after the release, so a dispute
 * opened inside it always comes before the timelock and can block it.
 */
export const EscrowInput = z.strictObject({
  release_at: z.int().min(0).max(253402300799).optional(),
  release_after_days: z.int().min(1).max(MAX_ESCROW_DAYS).optional(),
  dispute_window_days: z.int().min(0).max(MAX_ESCROW_DAYS).optional(),
});
export type EscrowInput = z.output<typeof EscrowInput>;

export const OpenEscrowDisputeInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const ResolveEscrowDisputeInput = z.strictObject({ resolution: z.enum(["refund", "release"]) });

const invalid = (message: string, param: string) => new KassaError("parameter_invalid", message, { param: `escrow[${param}]` });

/** Checks the asked escrow against `now` and returns the payment's initial escrow (pending) and its release time if fixed. */
export function planEscrow(input: EscrowInput, now: Date): { escrow: EscrowState; releaseAt: Date | null } {
  const fixed = input.release_at !== undefined;
  if (fixed === (input.release_after_days !== undefined)) {
    throw new KassaError("parameter_invalid", "escrow needs exactly one of release_at or release_after_days.", { param: "escrow" });
  }
  let daysToRelease: number;
  let releaseAt: Date | null = null;
  if (fixed) {
    releaseAt = new Date(input.release_at! * 1000);
    if (releaseAt.getTime() <= now.getTime()) throw invalid("escrow[release_at] must be in the future.", "release_at");
    if (releaseAt.getTime() > now.getTime() + MAX_ESCROW_DAYS * DAY_MS) {
      throw invalid(`escrow[release_at] must be within ${MAX_ESCROW_DAYS} days.`, "release_at");
    }
    daysToRelease = Math.floor((releaseAt.getTime() - now.getTime()) / DAY_MS);
  } else {
    daysToRelease = input.release_after_days!;
  }
  const window = input.dispute_window_days;
  if (window !== undefined && window > daysToRelease) {
    throw invalid(`escrow[dispute_window_days] must end no later than the release (at most ${daysToRelease} days here).`, "dispute_window_days");
  }
  return {
    releaseAt,
    escrow: {
      status: "pending",
      releaseAfterDays: input.release_after_days ?? null,
      disputeWindowDays: window ?? null,
      heldAt: null,
      disputeWindowEndsAt: null,
      releasedAt: null,
      amount: "0",
      fee: "0",
      dispute: null,
    },
  };
}
