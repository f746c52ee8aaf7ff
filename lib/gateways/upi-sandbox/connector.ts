import { eq } from "drizzle-orm";
import { merchants } from "@/db/schema";
import { getDb } from "@/db/client";
import { ConnectorRequestError, type Charge, type Connector, type ConnectorContext } from "../types";
import type { UpiConnector, UpiTransaction } from "../upi";
import { createSandboxUpiClient } from "./client";

/**
 * The payments path's view of a UPI PSP: authorize starts the UPI transaction (the payment then
 * requires the customer's action), retrieve is the status check, refunds go to the PSP. So a UPI
 * payment is confirmed, recovered after a crash, reconciled and refunded by the same verbs as a card.
 * What UPI has no word for (capture, 3DS, saved methods) is refused.
 */
export function createUpiPaymentsConnector(upi: UpiConnector = createSandboxUpiClient()): Connector {
  const unsupported = (what: string) => async (): Promise<never> => {
    throw new ConnectorRequestError("payment_method_unsupported", `UPI payments do not support ${what}.`);
  };
  return {
    name: "upi_sandbox",
    async authorize(ctx, input) {
      if (!input.upi) throw new ConnectorRequestError("parameter_missing", "A UPI payment needs payment_method_options.upi.");
      const txn = await upi.initiate(ctx, {
        merchantReference: input.idempotencyKey,
        paymentId: input.paymentId,
        amount: input.amount,
        currency: input.currency,
        flow: input.upi.flow,
        vpa: input.upi.vpa,
        expiresAt: input.upi.expiresAt,
        note: input.upi.note,
        payeeName: input.upi.payeeName || (await payeeName(ctx)),
      });
      return toCharge(txn);
    },
    async retrieve(ctx, input) {
      if (!("idempotencyKey" in input)) return null;
      const txn = await upi.status(ctx, { merchantReference: input.idempotencyKey });
      return txn ? toCharge(txn) : null;
    },
    refund: (ctx, input) => upi.refund(ctx, { pspReference: input.processorId, amount: input.amount, idempotencyKey: input.idempotencyKey }),
    retrieveRefund: (ctx, input) => upi.retrieveRefund(ctx, { idempotencyKey: input.idempotencyKey }),
    listRefunds: (ctx, input) => upi.listRefunds(ctx, { pspReference: input.processorId }),
    capture: unsupported("capture"),
    cancel: async () => {
      throw new ConnectorRequestError("payment_intent_unexpected_state", "A pending UPI payment cannot be canceled at the PSP; it expires on its own.");
    },
    completeAuthentication: unsupported("3D Secure"),
    createCustomer: async () => ({ processorId: null }),
    updateCustomer: async () => undefined,
    deleteCustomer: async () => undefined,
    setupPaymentMethod: unsupported("saved payment methods"),
    attachPaymentMethod: unsupported("saved payment methods"),
    detachPaymentMethod: unsupported("saved payment methods"),
    retrieveSetup: async () => null,
    submitDisputeEvidence: unsupported("disputes"),
  };
}

async function payeeName(ctx: ConnectorContext): Promise<string> {
  const db = await getDb();
  const [m] = await db.select({ name: merchants.businessName }).from(merchants).where(eq(merchants.id, ctx.merchantId));
  return m?.name ?? "Kassa merchant";
}

/** A UPI transaction in the processor's Charge shape (PaymentIntent semantics). */
export function toCharge(txn: UpiTransaction): Charge {
  const base = {
    processorId: txn.pspReference,
    idempotencyKey: txn.merchantReference,
    paymentId: txn.paymentId,
    captureMethod: "automatic" as const,
    amount: txn.amount,
    amountCapturable: 0n,
    amountCaptured: txn.status === "success" ? txn.amount : 0n,
    amountRefunded: 0n,
    currency: txn.currency,
    paymentMethod: {
      id: "upi" as const,
      type: "upi" as const,
      upi: { flow: txn.flow, status: txn.status, vpa: txn.vpa, payerName: txn.payerName, rrn: txn.rrn, expiresAt: txn.expiresAt },
    },
    riskLevel: "normal" as const,
    created: txn.created,
  };
  switch (txn.status) {
    case "pending":
      return {
        ...base,
        status: "requires_action",
        failure: null,
        nextAction:
          txn.flow === "collect"
            ? { type: "upi_collect_pending", vpa: txn.vpa ?? "", expiresAt: txn.expiresAt }
            : { type: "upi_intent", intentUrl: txn.intentUrl ?? "", expiresAt: txn.expiresAt },
      };
    case "success":
      return { ...base, status: "succeeded", failure: null, nextAction: null };
    case "failed":
      return {
        ...base,
        status: "failed",
        nextAction: null,
        failure: {
          code: "payment_method_provider_decline",
          declineCode: null,
          message: "The UPI payment was declined in the customer's app.",
          retryable: false,
          type: "card_error",
        },
      };
    case "expired":
      return {
        ...base,
        status: "canceled",
        nextAction: null,
        failure: {
          code: "payment_intent_payment_attempt_expired",
          declineCode: null,
          message: "The UPI payment was not approved before it expired.",
          retryable: false,
          type: "card_error",
        },
      };
  }
}
