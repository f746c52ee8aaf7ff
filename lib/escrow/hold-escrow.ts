import type { Transaction } from "@/db/client";
import type { PaymentRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { serializePayment } from "@/lib/payments/serialize-payment";
import { DAY_MS } from "./inputs";
import { postEscrowHold, saveEscrow } from "./postings";

/**
 * The capture of an escrowed payment, inside the capture's own commit (lib/payments/postings.ts
 * postCapture): the net goes into escrow, the release time and the dispute window are fixed from the
 * capture (release_after_days counts from it; the window never ends after the release), and
 * `escrow.held` is announced. Updates `payment` in place, so the capture's own event shows it held.
 */
const wholeSecond = (ms: number) => Math.ceil(ms / 1000) * 1000;

export async function holdEscrow(tx: Transaction, changes: Changes, payment: PaymentRow, amount: bigint, fee: bigint): Promise<void> {
  const escrow = payment.escrow!;
  if (!(await postEscrowHold(tx, payment, amount, fee))) return; // booked already
  const heldAt = payment.capturedAt ?? new Date();
  // Whole seconds (rounded up), so the times the API shows are exactly the ones acted on.
  const releaseAt = payment.escrowReleaseAt ?? new Date(wholeSecond(heldAt.getTime() + escrow.releaseAfterDays! * DAY_MS));
  const windowEnds =
    escrow.disputeWindowDays === null ? releaseAt : new Date(Math.min(wholeSecond(heldAt.getTime() + escrow.disputeWindowDays * DAY_MS), releaseAt.getTime()));
  await saveEscrow(
    tx,
    payment,
    { ...escrow, status: "held", heldAt: heldAt.toISOString(), disputeWindowEndsAt: windowEnds.toISOString(), amount: String(amount), fee: String(fee) },
    releaseAt,
  );
  changes.audit({
    action: "escrow.held",
    targetType: "payment",
    targetId: payment.id,
    metadata: { amount: Number(amount), release_at: releaseAt.toISOString() },
  });
  changes.event("escrow.held", serializePayment(payment));
}
