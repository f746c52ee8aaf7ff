import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { commitPlatformWrites } from "@/lib/service/commit";
import { logger } from "@/lib/logger";
import type { HandlerOutcome } from "./context";
import { STRIPE_EVENT_HANDLERS } from "./handlers";

/**
 * The workflow's verb (system): runs the event's handler and marks the event processed with what it
 * did. Handlers are idempotent (they re-read from Stripe and move state only forward; ledger postings
 * have unique keys), so a retry after a crash, or concurrent runs, have one effect.
 */
export async function processStripeEvent({ eventId }: { eventId: string }): Promise<{ outcome: HandlerOutcome | "duplicate" | "missing" }> {
  const db = await getDb();
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
  if (!row) return { outcome: "missing" };
  if (row.processedAt) return { outcome: "duplicate" };
  const handler = STRIPE_EVENT_HANDLERS[row.type];
  const object = (row.payload as { data?: { object?: Record<string, unknown> & { id: string } } }).data?.object;
  const outcome: HandlerOutcome = handler && object ? await handler(object) : "ignored";
  await commitPlatformWrites(db, (db) => [
    db
      .update(stripeEvents)
      .set({ processedAt: new Date(), outcome })
      .where(and(eq(stripeEvents.id, eventId), isNull(stripeEvents.processedAt))),
  ]);
  logger.info({ stripeEvent: eventId, type: row.type, outcome }, "stripe event processed");
  return { outcome };
}
