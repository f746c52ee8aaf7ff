import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type Charge } from "@/lib/gateways/types";
import { applyAuthorization } from "./apply-authorization";
import { connectorOf } from "./connector";
import { loadPayment, unexpectedState } from "./load-payment";
import { serializePayment, type PaymentObject } from "./serialize-payment";

export interface AuthenticationResult {
  payment: PaymentObject;
  /** The card error when authentication failed (the payment is back in requires_payment_method). */
  error: KassaError | null;
}

/**
 * A payment in requires_action after its 3D Secure step: with `outcome`, the customer's answer on
 * the sandbox's challenge page (sent to the processor); without, the processor is asked what became
 * of it (after Stripe.js handled the challenge itself). Either way the answer is recorded by phase B
 * of the attempt waiting on it, so a second call changes nothing.
 */
export async function completeAuthentication({
  ctx,
  paymentId,
  outcome,
}: {
  ctx: ServiceContext;
  paymentId: string;
  outcome?: "succeed" | "fail";
}): Promise<AuthenticationResult> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.status !== "requires_action" || !payment.processorId || !payment.latestAttemptId) {
    if (outcome) throw unexpectedState(payment, "complete authentication of a payment that requires action.");
    return { payment: serializePayment(payment), error: null };
  }
  const connector = connectorOf(payment.connector);
  const cctx = { merchantId: payment.merchantId, livemode: payment.livemode };
  let charge: Charge | null;
  try {
    charge = outcome
      ? await connector.completeAuthentication(cctx, { processorId: payment.processorId, outcome })
      : await connector.retrieve(cctx, { processorId: payment.processorId });
  } catch (error) {
    if (error instanceof ConnectorRequestError) throw new KassaError("payment_intent_unexpected_state", error.message);
    if (error instanceof ConnectorUnknownOutcomeError) return { payment: serializePayment(payment), error: null };
    throw error;
  }
  if (!charge) return { payment: serializePayment(payment), error: null };
  const applied = await applyAuthorization(ctx, payment.id, payment.latestAttemptId, { kind: "charge", charge });
  return { payment: serializePayment(applied.payment), error: applied.error };
}
