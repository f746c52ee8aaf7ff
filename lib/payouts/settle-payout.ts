import { eq } from "drizzle-orm";
import { bankAccounts, payouts } from "@/db/schema";
import { payoutConnectorOf } from "@/lib/gateways/payout-connector";
import { postJournalEntry } from "@/lib/ledger/post-journal-entry";
import { commit } from "@/lib/service/commit";
import { executor, systemActor, type ServiceContext } from "@/lib/service/context";
import { loadPayout } from "./load-payout";
import { payoutPostings } from "./postings";
import { returnPayout } from "./return-payout";
import { serializePayout } from "./serialize-payout";
import type { SendOutcome } from "./send-payout";

/**
 * System verb (the payout-send workflow, at the arrival date): asks the bank how an in-transit payout
 * ended. Paid: in transit clears to bank_clearing, `payout.paid`. Failed: the amount returns to available
 * with a `payout_failure` balance transaction, the bank account is marked errored, `payout.failed` with
 * Stripe's failure_code and failure_message. Still travelling: nothing changes. Applying twice changes nothing.
 */
export async function settlePayout({
  payoutId,
  merchantId,
  livemode,
  now = new Date(),
}: {
  payoutId: string;
  merchantId: string;
  livemode: boolean;
  now?: Date;
}): Promise<SendOutcome> {
  const ctx: ServiceContext = { merchantId, livemode, actor: systemActor("payout-send") };
  const current = await loadPayout(await executor(ctx), ctx, payoutId);
  const transfer = await payoutConnectorOf(current.connector).retrieve(ctx, { idempotencyKey: payoutId, now });
  return commit(ctx, async (tx, changes) => {
    const payout = await loadPayout(tx, ctx, payoutId, { lock: true });
    const as = { status: payout.status, arrivalDate: payout.arrivalDate?.toISOString() ?? null };
    if (payout.status !== "in_transit" || !transfer || transfer.status === "in_transit") return as;
    if (transfer.status === "paid") {
      await postJournalEntry(tx, {
        merchantId,
        livemode,
        currency: payout.currency,
        key: `payout_paid:${payout.id}`,
        type: "payout_paid",
        source: { type: "payout", id: payout.id },
        lines: payoutPostings.paid(payout.amount),
      });
      const [row] = await tx.update(payouts).set({ status: "paid", paidAt: now }).where(eq(payouts.id, payoutId)).returning();
      changes.audit({
        action: "payout.paid",
        targetType: "payout",
        targetId: payoutId,
        metadata: { amount: Number(payout.amount), currency: payout.currency },
      });
      changes.event("payout.paid", serializePayout(row!), { status: "in_transit" });
      return { status: row!.status, arrivalDate: as.arrivalDate };
    }
    const failed = await returnPayout(tx, payout, {
      kind: "failure",
      failureCode: transfer.failureCode ?? "could_not_process",
      failureMessage: transfer.failureMessage ?? "The bank could not process this payout.",
      at: now,
    });
    await tx.update(bankAccounts).set({ status: "errored" }).where(eq(bankAccounts.id, payout.bankAccountId));
    changes.audit({
      action: "payout.failed",
      targetType: "payout",
      targetId: payoutId,
      metadata: { amount: Number(payout.amount), currency: payout.currency, failure_code: failed.failureCode },
    });
    changes.event("payout.failed", serializePayout(failed), { status: "in_transit" });
    return { status: failed.status, arrivalDate: as.arrivalDate };
  });
}
