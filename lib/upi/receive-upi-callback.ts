import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { paymentAttempts, upiEvents } from "@/db/schema";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { commit } from "@/lib/service/commit";
import { parseWith } from "@/lib/service/parse";

const Callback = z.object({
  id: z.string().min(1).max(200),
  type: z.string().max(100),
  data: z.object({
    id: z.string().min(1).max(100),
    merchant_reference: z.string().min(1).max(100),
    payment_id: z.string().max(100),
    status: z.enum(["pending", "success", "failed", "expired"]),
    rrn: z.string().max(20).nullable().optional(),
  }),
});

export interface UpiCallbackReceived {
  received: true;
  /** Seen before (PSPs resend): recorded once, handed on once. */
  duplicate: boolean;
  /** Not a transaction of Kassa's (or not this attempt's): answered 200 so the PSP stops, nothing else. */
  ignored: boolean;
}

/**
 * The webhook route's verb, after the signature was verified: the callback is recorded once on its
 * payment's UPI timeline (the PSP's callback id is unique) and, in the same commit, handed to the
 * upi-callback workflow as an internal event through the outbox — which also ends a waiting status-poll
 * run early. The tenant is the attempt's, never the callback's say-so.
 */
export async function receiveUpiCallback({ payload }: { payload: unknown }): Promise<UpiCallbackReceived> {
  const cb = parseWith(Callback, payload);
  const db = await getDb();
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, cb.data.merchant_reference));
  if (!attempt || attempt.connector !== "upi_sandbox" || (attempt.processorId !== null && attempt.processorId !== cb.data.id)) {
    logger.warn({ callback: cb.id, reference: cb.data.merchant_reference }, "UPI callback for no known attempt; ignored");
    return { received: true, duplicate: false, ignored: true };
  }
  const ctx = { merchantId: attempt.merchantId, livemode: attempt.livemode, actor: { type: "webhook" as const, id: "upi_psp", label: "UPI PSP" } };
  const inserted = await commit(ctx, async (tx, changes) => {
    const [row] = await tx
      .insert(upiEvents)
      .values({
        id: newId("upiEvent"),
        merchantId: attempt.merchantId,
        livemode: attempt.livemode,
        paymentId: attempt.paymentId,
        attemptId: attempt.id,
        kind: "callback",
        status: cb.data.status,
        callbackId: cb.id,
        detail: { psp_reference: cb.data.id, rrn: cb.data.rrn ?? null },
      })
      .onConflictDoNothing({ target: upiEvents.callbackId })
      .returning({ id: upiEvents.id });
    if (!row) return false;
    declareInternalEvent(changes, INTERNAL_EVENTS.upiCallbackReceived, {
      merchant: attempt.merchantId,
      livemode: String(attempt.livemode),
      payment: attempt.paymentId,
      attempt: attempt.id,
      callback: cb.id,
      status: cb.data.status,
    });
    return true;
  });
  return { received: true, duplicate: !inserted, ignored: false };
}
