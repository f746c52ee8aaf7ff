import type { PaymentRow } from "@/db/schema";
import { errorBody } from "@/lib/service/error-codes";
import type { ServiceContext } from "@/lib/service/context";
import type { KassaError } from "@/lib/service/errors";
import { serializePayment } from "./serialize-payment";

/**
 * The API answer to store for the request's Idempotency-Key in phase B's commit (`changes.respond`),
 * so a crash after the commit still replays exactly what happened: the payment, or the card error.
 */
export function answerFor(ctx: ServiceContext, payment: PaymentRow, error: KassaError | null): { status: number; body: unknown } {
  return error ? errorBody(error, ctx.requestId ?? "") : { status: 200, body: serializePayment(payment) };
}
