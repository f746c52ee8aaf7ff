import type { RoutablePaymentMethodType } from "./rules";

/** A connector that routing rules may name in a mode, and the payment methods it takes. */
export interface RoutableConnector {
  name: string;
  methods: readonly RoutablePaymentMethodType[];
}

/**
 * The connectors a merchant's rules may name in a mode, from the environment: in test mode the two
 * sandboxes (`sandbox`, and `sandbox_b` with its own state and fault settings, so routing and failover can
 * be tried offline) plus Stripe and PayPal when their keys are set; in live mode Stripe and PayPal only.
 */
export function routableConnectors(livemode: boolean, env: Record<string, string | undefined> = process.env): RoutableConnector[] {
  const out: RoutableConnector[] = [];
  if (!livemode) out.push({ name: "sandbox", methods: ["card"] }, { name: "sandbox_b", methods: ["card"] });
  if (env.STRIPE_SECRET_KEY) out.push({ name: "stripe", methods: ["card"] });
  if (env.PAYPAL_CLIENT_ID && env.PAYPAL_CLIENT_SECRET) out.push({ name: "paypal", methods: ["card", "paypal"] });
  return out;
}
