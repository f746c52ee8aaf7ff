import type { Connector, ConnectorName } from "@/lib/gateways/types";
import { getConnector } from "@/lib/gateways";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

/**
 * Which processor serves a new payment: Stripe when STRIPE_SECRET_KEY is set (test mode too, unless
 * KASSA_TEST_MODE_PROCESSOR=sandbox keeps test mode on the simulator); otherwise the sandbox in test
 * mode. Live mode never goes to the simulator.
 */
export function connectorNameFor(ctx: Pick<ServiceContext, "livemode">): ConnectorName {
  const stripe = Boolean(process.env.STRIPE_SECRET_KEY);
  if (!ctx.livemode) return stripe && process.env.KASSA_TEST_MODE_PROCESSOR !== "sandbox" ? "stripe" : "sandbox";
  if (stripe) return "stripe";
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
  // A card the sandbox saved (pm_ + a Kassa-style id) is checked against Kassa's records by assertPaymentCustomer.
  if (connector === "sandbox" && !testCardByPaymentMethod(paymentMethod) && !isId("sandboxPaymentMethod", paymentMethod)) {
    throw new KassaError("resource_missing", `No such PaymentMethod: '${paymentMethod}'. In test mode use a test method such as pm_card_visa.`, {
      param: "payment_method",
    });
  }
}
