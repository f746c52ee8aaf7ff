import type { PaymentRow } from "@/db/schema";
import type { z } from "zod";
import type { EscrowObject as EscrowSchema } from "./escrow-object";

const seconds = (iso: string | Date | null) => (iso ? Math.floor(new Date(iso).getTime() / 1000) : null);

/** The payment's `escrow` object (null for a payment without escrow). */
export function serializeEscrow(p: Pick<PaymentRow, "escrow" | "escrowReleaseAt">) {
  const e = p.escrow;
  if (!e) return null;
  return {
    status: e.status,
    /** What the escrow holds (or held) for this payment, gross and net of Kassa's fee. */
    amount: Number(e.amount),
    net: Number(BigInt(e.amount) - BigInt(e.fee)),
    release_after_days: e.releaseAfterDays,
    dispute_window_days: e.disputeWindowDays,
    release_at: seconds(p.escrowReleaseAt),
    held_at: seconds(e.heldAt),
    dispute_window_ends_at: seconds(e.disputeWindowEndsAt),
    released_at: seconds(e.releasedAt),
    dispute: e.dispute
      ? { reason: e.dispute.reason, created: seconds(e.dispute.openedAt)!, resolution: e.dispute.resolution, resolved_at: seconds(e.dispute.resolvedAt) }
      : null,
  } satisfies z.input<typeof EscrowSchema>;
}
export type EscrowObject = NonNullable<ReturnType<typeof serializeEscrow>>;
