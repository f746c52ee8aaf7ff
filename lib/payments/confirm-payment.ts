import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { ConnectorName } from "@/lib/gateways/types";
import { assertPaymentCustomer } from "@/lib/customers/check-payment-customer";
import { startAttempt } from "./attempt";
import { assertPaymentMethodKnown, connectorNameFor, upiConnectorNameFor, walletConnectorNameFor } from "./connector";
import { executor } from "@/lib/service/context";
import type { UpiDetails } from "@/db/schema";
import { prepareUpiPayment } from "@/lib/upi/prepare-upi-payment";
import { checkAttempt, fraudPhaseAWrites } from "@/lib/fraud/check-attempt";
import { newId } from "@/lib/ids";
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
  // UPI's checks (the PSP's VPA check among them) before the transaction, which must not wait on the PSP.
  const asked = data.payment_method ?? (data.payment_method_options?.upi ? "upi" : undefined);
  let upi: UpiDetails | null = null;
  if (asked === "upi" || (!asked && data.payment_method_options?.upi)) {
    const current = await loadPayment(await executor(ctx), ctx, id);
    upiConnectorNameFor(ctx);
    upi = await prepareUpiPayment(await executor(ctx), ctx, { amount: current.amount, currency: current.currency, options: data.payment_method_options?.upi });
  }
  const { payment, attempt } = await commit(ctx, async (tx, changes) => {
    const payment = await loadPayment(tx, ctx, id, { lock: true });
    if (payment.status !== "requires_payment_method" && payment.status !== "requires_confirmation") {
      throw unexpectedState(payment, "confirm a payment that requires a payment method or confirmation.");
    }
    const paymentMethod = data.payment_method ?? payment.paymentMethod;
    if (!paymentMethod) throw new KassaError("parameter_missing", "Missing required param: payment_method.", { param: "payment_method" });
    if (paymentMethod === "upi") {
      // A UPI try (first, or after a card's decline): the UPI PSP serves this attempt and the payment from now on.
      const details = upi ?? (await prepareUpiPayment(tx, ctx, { amount: payment.amount, currency: payment.currency, options: undefined }));
      const attemptId = newId("paymentAttempt");
      const fraud = await checkAttempt(tx, ctx, { payment: { ...payment, upi: details }, attemptId, paymentMethod: "upi" });
      changes.write(...fraudPhaseAWrites(tx, ctx, fraud));
      const started = await startAttempt(tx, payment, "upi", data.return_url, { connector: upiConnectorNameFor(ctx), upi: details, attemptId, fraud });
      declareRecovery(changes, { paymentId: payment.id, attemptId: started.attempt.id });
      return started;
    }
    const wallet = paymentMethod === "paypal";
    const returnUrl = data.return_url ?? payment.returnUrl;
    if (wallet && !returnUrl)
      throw new KassaError("parameter_missing", "Missing required param: return_url (a PayPal payment returns there after approval).", { param: "return_url" });
    // The wallet has its own processor; a card after a UPI or PayPal try goes back to the mode's card processor.
    const connector = wallet
      ? walletConnectorNameFor(ctx)
      : ((payment.connector === "upi_sandbox" || payment.paymentMethod === "paypal" ? connectorNameFor(ctx) : payment.connector) as ConnectorName);
    if (!wallet) assertPaymentMethodKnown(connector, paymentMethod);
    await assertPaymentCustomer(tx, ctx, connector, payment.customer, wallet ? undefined : paymentMethod);
    const attemptId = newId("paymentAttempt");
    const fraud = await checkAttempt(tx, ctx, { payment, attemptId, paymentMethod });
    changes.write(...fraudPhaseAWrites(tx, ctx, fraud));
    const started = await startAttempt(tx, payment, paymentMethod, data.return_url, { connector, attemptId, fraud });
    declareRecovery(changes, { paymentId: payment.id, attemptId: started.attempt.id });
    return started;
  });
  return runConfirmation(ctx, payment, attempt);
}
