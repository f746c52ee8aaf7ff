import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { ConnectorName } from "@/lib/gateways/types";
import { assertPaymentCustomer } from "@/lib/customers/check-payment-customer";
import { startAttempt } from "./attempt";
import { assertPaymentMethodKnown } from "./connector";
import { ConfirmPaymentInput } from "./inputs";
import { loadPayment, unexpectedState } from "./load-payment";
import { declareRecovery, resumeConfirmation, runConfirmation } from "./run-confirmation";
import type { PaymentObject } from "./serialize-payment";

/** POST /api/v1/payments/:id/confirm — authorise with the given (or attached) payment method. */
export async function confirmPayment({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(ConfirmPaymentInput, input ?? {});
  const resumed = await resumeConfirmation(ctx);
  if (resumed) return resumed;
  const { payment, attempt } = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, id, { lock: true });
    if (payment.status !== "requires_payment_method" && payment.status !== "requires_confirmation") {
      throw unexpectedState(payment, "confirm a payment that requires a payment method or confirmation.");
    }
    const paymentMethod = data.payment_method ?? payment.paymentMethod;
    if (!paymentMethod) throw new KassaError("parameter_missing", "Missing required param: payment_method.", { param: "payment_method" });
    assertPaymentMethodKnown(payment.connector as ConnectorName, paymentMethod);
    await assertPaymentCustomer(tx, ctx, payment.connector, payment.customer, paymentMethod);
    const started = await startAttempt(tx, payment, paymentMethod, data.return_url);
    declareRecovery(changes, { paymentId: payment.id, attemptId: started.attempt.id });
    return started;
  });
  return runConfirmation(ctx, payment, attempt);
}
