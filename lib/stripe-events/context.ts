import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { payments, type PaymentRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";

/** Stripe acting on a merchant's object: the tenant is the Kassa object's, never the event's say-so. */
export const stripeCtx = (row: { merchantId: string; livemode: boolean }): ServiceContext => ({
  merchantId: row.merchantId,
  livemode: row.livemode,
  actor: { type: "webhook", id: "stripe", label: "Stripe" },
});

/** The Stripe payment a PaymentIntent belongs to: by metadata.kassa_payment_id, checked against its processor id. */
export async function paymentOfIntent(pi: { id: string; metadata?: Record<string, string> | null }): Promise<PaymentRow | null> {
  const db = await getDb();
  const byMeta = pi.metadata?.kassa_payment_id;
  const [row] = byMeta
    ? await db.select().from(payments).where(eq(payments.id, byMeta))
    : await db.select().from(payments).where(eq(payments.processorId, pi.id));
  if (!row || row.connector !== "stripe") return null;
  return row;
}

/** Outcome words recorded on the stripe_events row. */
export type HandlerOutcome = "applied" | "no_change" | "unknown_object" | "ignored";

export type StripeEventHandler = (object: Record<string, unknown> & { id: string }) => Promise<HandlerOutcome>;
