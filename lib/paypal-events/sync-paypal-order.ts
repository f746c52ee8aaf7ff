import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { payments, type PaymentRow, type PayPalEventRow } from "@/db/schema";
import { getConnector } from "@/lib/gateways";
import type { Charge } from "@/lib/gateways/types";
import { applyProcessorView } from "@/lib/payments/apply-processor-view";
import type { ServiceContext } from "@/lib/service/context";
import type { HandlerOutcome } from "./context";

/** An event's payment and its order as PayPal has it now. */
export interface OwnOrder {
  payment: PaymentRow;
  charge: Charge;
}

/**
 * The event's payment (its merchant and mode, on PayPal) and its order re-read from PayPal through the
 * connector — the order the event names, else the one the payment recorded. Null unless the order is
 * this very payment's: the connector answers null for an order tagged for another merchant or mode, and
 * the tag's Kassa id must be this payment's, so an event about another merchant's order never touches it.
 */
export async function readOwnOrder(ctx: ServiceContext, row: PayPalEventRow): Promise<OwnOrder | null> {
  if (!row.paymentId) return null;
  const db = await getDb();
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, row.paymentId), eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode), eq(payments.connector, "paypal")));
  const orderId = row.orderId ?? payment?.processorId;
  if (!payment || !orderId) return null;
  const charge = await getConnector("paypal").retrieve({ merchantId: ctx.merchantId, livemode: ctx.livemode }, { processorId: orderId });
  if (!charge || charge.paymentId !== payment.id) return null;
  return { payment, charge };
}

/** The handlers' common move: the order re-read, then the payment brought up to it (lib/payments/apply-processor-view.ts). */
export async function syncPayPalOrder(ctx: ServiceContext, row: PayPalEventRow): Promise<HandlerOutcome> {
  const own = await readOwnOrder(ctx, row);
  if (!own) return "unknown_object";
  return applyProcessorView({ ctx, payment: own.payment, charge: own.charge });
}
