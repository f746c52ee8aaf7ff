import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { idempotencyKeys, type PaymentRow } from "@/db/schema";
import { errorBody, toJson } from "@/lib/api/respond";
import type { ServiceContext } from "@/lib/context";
import type { KassaError } from "@/lib/errors";
import { serializePayment } from "./serialize-payment";

/**
 * The write that stores the API response for the request's Idempotency-Key, batched into phase B's
 * transaction, so a crash after commit still replays exactly what happened. None without a key.
 */
export function responseWrite(db: Executor, ctx: ServiceContext, payment: PaymentRow, error: KassaError | null) {
  if (!ctx.idempotencyKeyId) return [];
  const { status, body } = error
    ? errorBody(error, ctx.requestId ?? "")
    : { status: 200, body: JSON.parse(toJson(serializePayment(payment))) as unknown };
  return [
    db
      .update(idempotencyKeys)
      .set({ responseStatus: status, responseBody: body as object, lockedAt: null, recoveryPoint: "finished" })
      .where(eq(idempotencyKeys.id, ctx.idempotencyKeyId)),
  ];
}
