import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { paypalEvents } from "@/db/schema";
import { logger } from "@/lib/logger";
import { commitWrites } from "@/lib/service/commit";
import { paypalCtx, type HandlerOutcome } from "./context";
import { PAYPAL_EVENT_HANDLERS } from "./handlers";

/**
 * The paypal-event workflow's verb: runs the recorded event's handler for its merchant and marks the event
 * processed with what it did. Handlers re-read the order from PayPal and move state only forward through
 * the payment verbs (ledger postings and refunds have unique keys), so a retry after a crash, or
 * concurrent runs, have one effect.
 */
export async function processPayPalEvent(args: {
  eventId: string;
  merchantId: string;
  livemode: boolean;
}): Promise<{ outcome: HandlerOutcome | "duplicate" | "missing" }> {
  const ctx = paypalCtx(args);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(paypalEvents)
    .where(and(eq(paypalEvents.id, args.eventId), eq(paypalEvents.merchantId, ctx.merchantId), eq(paypalEvents.livemode, ctx.livemode)));
  if (!row) return { outcome: "missing" };
  if (row.processedAt) return { outcome: "duplicate" };
  const handler = PAYPAL_EVENT_HANDLERS[row.type];
  const outcome: HandlerOutcome = handler ? await handler({ ctx, row }) : "ignored";
  await commitWrites(ctx, db, (db) => [
    db
      .update(paypalEvents)
      .set({ processedAt: new Date(), outcome })
      .where(and(eq(paypalEvents.id, row.id), isNull(paypalEvents.processedAt))),
  ]);
  logger.info({ paypalEvent: row.id, type: row.type, payment: row.paymentId, outcome }, "paypal event processed");
  return { outcome };
}
