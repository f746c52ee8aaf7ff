import { eq, gte, sql } from "drizzle-orm";
import { sandboxCharges, sandboxRefunds } from "@/db/schema";
import { newId } from "@/lib/ids";
import { ConnectorRequestError, type ConnectorContext, type RefundInput, type RefundResult } from "../types";
import { drawFault, faultError, sleep } from "./config";
import {
  assertIdempotencyKey,
  assertPositiveAmount,
  chargeTenant,
  findCharge,
  keyReused,
  noSuchCharge,
  refundTenant,
  requestHash,
  toRefundResult,
  type SandboxDeps,
} from "./store";

/** Why a refund fails on the refund_fails test card (Stripe's refund failure_reason). */
export const REFUND_FAILURE_REASON = "expired_or_canceled_card";

/**
 * Refunds captured money. The refund row (unique key) and the charge's running total change in one
 * transaction; the total only moves while it stays within the captured amount. Sandbox refunds
 * settle at once, except on the refund_fails card (pm_card_refundFail), whose refunds are `failed`
 * and give nothing back (Stripe fails them asynchronously; the sandbox answers with the end state).
 */
export async function refund(deps: SandboxDeps, ctx: ConnectorContext, input: RefundInput): Promise<RefundResult> {
  assertIdempotencyKey(input.idempotencyKey);
  assertPositiveAmount(input.amount);
  const config = deps.config();
  await sleep(config.latencyMs);
  const fault = drawFault(config);
  if (fault === "before") throw faultError("refund", fault);
  const db = await deps.db();

  const charge = await findCharge(db, ctx, input.processorId);
  if (!charge) throw noSuchCharge(input.processorId);
  const hash = requestHash({ processorId: input.processorId, amount: input.amount, reason: input.reason });
  const fails = charge.behaviour === "refund_fails";

  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sandboxRefunds)
      .values({
        id: newId("sandboxRefund"),
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        chargeId: charge.id,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        status: fails ? "failed" : "succeeded",
        amount: input.amount,
        currency: charge.currency,
        reason: input.reason ?? null,
        failureReason: fails ? REFUND_FAILURE_REASON : null,
      })
      .onConflictDoNothing({ target: [sandboxRefunds.merchantId, sandboxRefunds.livemode, sandboxRefunds.idempotencyKey] })
      .returning();
    if (!row) return null;
    const [updated] = await tx
      .update(sandboxCharges)
      .set({ amountRefunded: sql`${sandboxCharges.amountRefunded} + ${fails ? 0n : input.amount}` })
      .where(
        chargeTenant(
          ctx,
          eq(sandboxCharges.id, charge.id),
          eq(sandboxCharges.status, "succeeded"),
          gte(sql`${sandboxCharges.amountCaptured} - ${sandboxCharges.amountRefunded}`, input.amount),
        ),
      )
      .returning({ id: sandboxCharges.id });
    if (!updated) {
      const current = (await findCharge(tx, ctx, charge.id))!;
      throw rejection(current.status, current.amountCaptured - current.amountRefunded, input.amount);
    }
    return row;
  });

  let result = created;
  if (!result) {
    const [existing] = await db
      .select()
      .from(sandboxRefunds)
      .where(refundTenant(ctx, eq(sandboxRefunds.idempotencyKey, input.idempotencyKey)));
    if (!existing || existing.requestHash !== hash) throw keyReused(input.idempotencyKey);
    result = existing;
  }
  if (fault === "after") throw faultError("refund", fault);
  return toRefundResult(result);
}

function rejection(status: string, refundable: bigint, amount: bigint): ConnectorRequestError {
  if (status !== "succeeded") {
    return new ConnectorRequestError("payment_intent_unexpected_state", `This payment's status is ${status}; only captured money can be refunded.`);
  }
  if (refundable <= 0n) return new ConnectorRequestError("charge_already_refunded", "This charge has already been refunded in full.");
  return new ConnectorRequestError(
    "amount_too_large",
    `Refund amount (${amount}) is greater than the unrefunded amount on the charge (${refundable}).`,
    "amount",
  );
}
