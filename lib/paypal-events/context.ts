import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { paymentAttempts, payments, refunds } from "@/db/schema";
import { parseCustomId } from "@/lib/gateways/paypal/keys";
import { isId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service/context";
import type { EventReferences } from "./event";

/** The Kassa payment a PayPal event is about: its merchant, mode and id. */
export interface PayPalEventOwner {
  merchantId: string;
  livemode: boolean;
  paymentId: string;
}

/** PayPal acting on a merchant's object: the tenant is the Kassa payment's, never the event's say-so. */
export const paypalCtx = (owner: { merchantId: string; livemode: boolean }): ServiceContext => ({
  merchantId: owner.merchantId,
  livemode: owner.livemode,
  actor: { type: "webhook", id: "paypal", label: "PayPal" },
});

/** Outcome words recorded on the paypal_events row. */
export type HandlerOutcome = "applied" | "no_change" | "unknown_object" | "ignored";

/**
 * The payment an event's resource belongs to. First its custom_id — `kassa|<merchant>|<mode>|<pay_…>`
 * on an order, its authorizations and captures, `…|<re_…>` on a refund — which must name a PayPal
 * payment (or a refund of one) of that very merchant and mode; else the attempt that recorded the
 * order as its processor id. Neither: null (the event is recorded and handed nowhere). Only a mapping:
 * processing re-reads the order from PayPal and checks it is this payment's before changing anything.
 */
export async function ownerOf(db: Executor, refs: EventReferences): Promise<PayPalEventOwner | null> {
  const tag = parseCustomId(refs.customId);
  if (tag && isId("payment", tag.kassaId)) {
    const [row] = await db
      .select({ merchantId: payments.merchantId, livemode: payments.livemode, paymentId: payments.id })
      .from(payments)
      .where(and(eq(payments.id, tag.kassaId), eq(payments.merchantId, tag.merchantId), eq(payments.livemode, tag.livemode), eq(payments.connector, "paypal")));
    if (row) return row;
  }
  if (tag && isId("refund", tag.kassaId)) {
    const [row] = await db
      .select({ merchantId: payments.merchantId, livemode: payments.livemode, paymentId: payments.id })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .where(and(eq(refunds.id, tag.kassaId), eq(refunds.merchantId, tag.merchantId), eq(refunds.livemode, tag.livemode), eq(payments.connector, "paypal")));
    if (row) return row;
  }
  if (refs.orderId) {
    // An untagged resource (rare: Kassa tags every order it makes) by the attempt that made the order (payment_attempts_processor_idx).
    const [row] = await db
      .select({ merchantId: paymentAttempts.merchantId, livemode: paymentAttempts.livemode, paymentId: paymentAttempts.paymentId })
      .from(paymentAttempts)
      .where(and(eq(paymentAttempts.processorId, refs.orderId), eq(paymentAttempts.connector, "paypal")))
      .limit(1);
    if (row) return row;
  }
  return null;
}
