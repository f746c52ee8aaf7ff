import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bankAccounts, payouts, type PayoutRow } from "@/db/schema";
import { open } from "@/lib/crypto/encryption";
import { failpoint } from "@/lib/failpoints";
import { payoutConnectorOf } from "@/lib/gateways/payout-connector";
import { commit } from "@/lib/service/commit";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { loadPayout } from "./load-payout";
import { serializePayout } from "./serialize-payout";

export interface SendOutcome {
  status: PayoutRow["status"];
  /** ISO time the bank expects the money to arrive (in transit), for the workflow's sleep. */
  arrivalDate: string | null;
}

const payoutCtx = (p: Pick<PayoutRow, "merchantId" | "livemode">, job: string): ServiceContext => ({
  merchantId: p.merchantId,
  livemode: p.livemode,
  actor: systemActor(job),
});

/**
 * System verb (the payout-send workflow's step): hands a posted payout to its bank. First it claims the
 * payout (sent_at, under the row lock a cancel takes too, so a canceled payout is never sent and a sent
 * one never canceled); then the bank call with the payout id as idempotency key — done again after a
 * crash, the bank answers with the transfer it already made —; then in_transit with the arrival date.
 */
export async function sendPayout({
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
  const ctx = payoutCtx({ merchantId, livemode }, "payout-send");
  const claimed = await commit(ctx, async (tx) => {
    const payout = await loadPayout(tx, ctx, payoutId, { lock: true });
    if (payout.status !== "pending") return payout;
    if (payout.sentAt) return payout;
    const [row] = await tx.update(payouts).set({ sentAt: now }).where(eq(payouts.id, payoutId)).returning();
    return row!;
  });
  if (claimed.status !== "pending") return { status: claimed.status, arrivalDate: claimed.arrivalDate?.toISOString() ?? null };

  await failpoint("payout.bank:before");
  const db = await getDb();
  const [account] = await db
    .select()
    .from(bankAccounts)
    .where(and(eq(bankAccounts.id, claimed.bankAccountId), eq(bankAccounts.merchantId, merchantId), eq(bankAccounts.livemode, livemode)));
  const number = open({ keyId: account!.numberKeyId, ciphertext: account!.numberCiphertext });
  const transfer = await payoutConnectorOf(claimed.connector).send(ctx, {
    idempotencyKey: claimed.id,
    amount: claimed.amount,
    currency: claimed.currency,
    destination: {
      kind: account!.kind,
      number,
      routingNumber: account!.routingNumber,
      country: account!.country,
      accountHolderName: account!.accountHolderName,
      last4: account!.last4,
    },
    now,
  });

  return commit(ctx, async (tx, changes) => {
    const payout = await loadPayout(tx, ctx, payoutId, { lock: true });
    if (payout.status !== "pending") return { status: payout.status, arrivalDate: payout.arrivalDate?.toISOString() ?? null };
    const [row] = await tx
      .update(payouts)
      .set({ status: "in_transit", bankReference: transfer.reference, arrivalDate: transfer.arrivalDate })
      .where(eq(payouts.id, payoutId))
      .returning();
    changes.audit({ action: "payout.in_transit", targetType: "payout", targetId: payoutId, metadata: { arrival_date: transfer.arrivalDate.toISOString() } });
    changes.event("payout.updated", serializePayout(row!), { status: "pending" });
    return { status: row!.status, arrivalDate: transfer.arrivalDate.toISOString() };
  });
}
