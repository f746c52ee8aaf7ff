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

/** Which UPI PSP serves a UPI payment: the sandbox PSP in test mode; live mode has none configured yet. */
export function upiConnectorNameFor(ctx: Pick<ServiceContext, "livemode">): ConnectorName {
  if (ctx.livemode)
    throw new KassaError("processor_unavailable", "Live UPI payments need a UPI PSP, and none is configured. Use a test key to try the sandbox PSP.");
  return "upi_sandbox";
}

/**
 * Which processor serves a PayPal wallet payment (payment method `paypal`): PayPal when PAYPAL_CLIENT_ID
 * and PAYPAL_CLIENT_SECRET are set; otherwise, in test mode, the sandbox and its simulated approval page;
 * null in live mode without PayPal.
 */
export function walletConnector(ctx: Pick<ServiceContext, "livemode">, env: Record<string, string | undefined> = process.env): ConnectorName | null {
  if (env.PAYPAL_CLIENT_ID && env.PAYPAL_CLIENT_SECRET) return "paypal";
  return ctx.livemode ? null : "sandbox";
}

/** walletConnector, or 400 processor_unavailable when the mode has none. */
export function walletConnectorNameFor(ctx: Pick<ServiceContext, "livemode">, env: Record<string, string | undefined> = process.env): ConnectorName {
  const connector = walletConnector(ctx, env);
  if (connector) return connector;
  throw new KassaError(
    "processor_unavailable",
    "Live PayPal payments need PayPal: set PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET. Use a test key to try the sandbox.",
    { param: "payment_method" },
  );
}

type MethodRequest = { payment_method?: string; payment_method_types?: readonly string[] };

/** A method named by payment_method, or by payment_method_types alone; refused when the two disagree. */
function wants(method: "upi" | "paypal", data: MethodRequest): boolean {
  if (data.payment_method === method && data.payment_method_types && !data.payment_method_types.includes(method)) {
    throw new KassaError("parameter_invalid", `payment_method ${method} is not in payment_method_types.`, { param: "payment_method_types" });
  }
  return (
    data.payment_method === method || (data.payment_method === undefined && data.payment_method_types?.length === 1 && data.payment_method_types[0] === method)
  );
}

/** Whether a request asks for a PayPal wallet payment: payment_method "paypal", or payment_method_types ["paypal"] alone. */
export const wantsPayPal = (data: MethodRequest): boolean => wants("paypal", data);

/** Whether a request asks for UPI: payment_method "upi", or payment_method_types ["upi"] alone. */
export function wantsUpi(data: MethodRequest & { payment_method_options?: { upi?: unknown } }): boolean {
  const upi = wants("upi", data);
  if (!upi && data.payment_method_options?.upi) {
    throw new KassaError("parameter_invalid", 'payment_method_options.upi is for a UPI payment (payment_method_types: ["upi"]).', {
      param: "payment_method_options",
    });
  }
  return upi;
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
  if (paymentMethod === "paypal") return;
  if (connector === "sandbox" && !testCardByPaymentMethod(paymentMethod) && !isId("sandboxPaymentMethod", paymentMethod)) {
    throw new KassaError("resource_missing", `No such PaymentMethod: '${paymentMethod}'. In test mode use a test method such as pm_card_visa.`, {
      param: "payment_method",
    });
  }
}
