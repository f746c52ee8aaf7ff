import type { Executor } from "@/db/client";
import type { PaymentRow } from "@/db/schema";
import { completeIdempotentRequest } from "@/lib/api/idempotency";
import { errorBody, toJson } from "@/lib/api/respond";
import type { ServiceContext } from "@/lib/context";
import type { KassaError } from "@/lib/errors";
import { serializePayment } from "./serialize-payment";

/**
 * Stores the API response for the request's Idempotency-Key inside the phase-B transaction, so a
 * crash after commit still replays exactly what happened.
 */
export async function storeResponse(tx: Executor, ctx: ServiceContext, payment: PaymentRow, error: KassaError | null): Promise<void> {
  if (!ctx.idempotencyKeyId) return;
  if (error) {
    const { status, body } = errorBody(error, ctx.requestId ?? "");
    await completeIdempotentRequest(tx, ctx.idempotencyKeyId, status, body);
  } else {
    await completeIdempotentRequest(tx, ctx.idempotencyKeyId, 200, JSON.parse(toJson(serializePayment(payment))));
  }
}
