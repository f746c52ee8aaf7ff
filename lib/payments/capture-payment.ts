import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { toDecimalString } from "@/lib/money";
import { CapturePaymentInput } from "./inputs";
import { loadPayment, unexpectedState } from "./load-payment";
import { markOperation, newOperation, operationInFlight, resumeOperation, runOperation } from "./payment-operation";
import type { PaymentObject } from "./serialize-payment";

/** POST /api/v1/payments/:id/capture — capture all or part of an authorisation; the rest is released. */
export async function capturePayment({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(CapturePaymentInput, input ?? {});
  const resumed = await resumeOperation(ctx, "capture");
  if (resumed) return resumed;
  const { payment, op } = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, id, { lock: true });
    if (payment.status !== "requires_capture") throw unexpectedState(payment, "capture a payment that requires capture.");
    if (operationInFlight(payment))
      throw new KassaError("payment_intent_unexpected_state", `A ${payment.pendingOperation!.type} of this payment is in progress.`);
    const amount = data.amount_to_capture !== undefined ? BigInt(data.amount_to_capture) : payment.amountCapturable;
    if (amount > payment.amountCapturable) {
      throw new KassaError(
        "amount_too_large",
        `amount_to_capture (${amount}) is more than the amount capturable (${payment.amountCapturable}, ${toDecimalString(payment.amountCapturable, payment.currency)} ${payment.currency}).`,
        { param: "amount_to_capture" },
      );
    }
    const op =
      payment.pendingOperation?.type === "capture" && payment.pendingOperation.amount === amount.toString()
        ? payment.pendingOperation
        : newOperation(payment, "capture", { amount });
    await markOperation(tx, changes, payment, op);
    return { payment, op };
  });
  return runOperation(ctx, payment, op, { respond: true });
}
