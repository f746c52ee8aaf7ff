import type { Executor } from "@/db/client";
import type { PaymentRow } from "@/db/schema";
import { responseWrites } from "@/lib/service/recovery";
import { errorBody } from "@/lib/service/error-codes";
import type { ServiceContext } from "@/lib/service/context";
import type { KassaError } from "@/lib/service/errors";
import { serializePayment } from "./serialize-payment";

/**
 * The write that stores the API response for the request's Idempotency-Key, batched into phase B's
 * transaction, so a crash after commit still replays exactly what happened. None without a key.
 */
export function responseWrite(db: Executor, ctx: ServiceContext, payment: PaymentRow, error: KassaError | null) {
  const { status, body } = error ? errorBody(error, ctx.requestId ?? "") : { status: 200, body: serializePayment(payment) };
  return responseWrites(db, ctx, status, body);
}
