import type { Connector, ConnectorName } from "@/lib/gateways/types";
import { getConnector } from "@/lib/gateways";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import type { ServiceContext } from "@/lib/context";
import { KassaError } from "@/lib/errors";

/**
 * Which processor serves a new payment: the sandbox in test mode; live mode needs a real processor
 * (Stripe, once configured), never the simulator.
 */
export function connectorNameFor(ctx: Pick<ServiceContext, "livemode">): ConnectorName {
  if (!ctx.livemode) return "sandbox";
  if (process.env.STRIPE_SECRET_KEY) return "stripe";
  throw new KassaError("processor_unavailable", "Live payments need a processor: set STRIPE_SECRET_KEY. Use a test key to try the sandbox.");
}

/** The connector a payment was made with (it stays with it for capture, cancel and refunds). */
export function connectorOf(name: string): Connector {
  return getConnector(name as ConnectorName);
}

/**
 * Rejects a payment method the processor cannot know before anything is stored (Stripe checks its
 * own `pm_…` ids on confirm; the sandbox knows exactly its test methods).
 */
export function assertPaymentMethodKnown(connector: ConnectorName, paymentMethod: string): void {
  if (connector === "sandbox" && !testCardByPaymentMethod(paymentMethod)) {
    throw new KassaError("resource_missing", `No such PaymentMethod: '${paymentMethod}'. In test mode use a test method such as pm_card_visa.`, { param: "payment_method" });
  }
}
