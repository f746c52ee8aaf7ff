import type { CheckoutSessionRow } from "@/db/schema";
import { KassaError } from "@/lib/service/errors";
import { connectorNameFor } from "@/lib/payments/connector";

export type CheckoutMode = { kind: "stripe"; publishableKey: string } | { kind: "sandbox" } | { kind: "unavailable"; message: string };

/**
 * Which card form the page shows: Stripe's Payment Element when the payment goes to Stripe and a
 * publishable key is set, Kassa's sandbox form for sandbox payments (test mode).
 */
export function checkoutMode(
  session: Pick<CheckoutSessionRow, "livemode">,
  paymentConnector: string | null,
  env: Record<string, string | undefined> = process.env,
): CheckoutMode {
  let connector = paymentConnector;
  if (!connector) {
    try {
      connector = connectorNameFor(session);
    } catch (error) {
      if (error instanceof KassaError) return { kind: "unavailable", message: "This business cannot take live card payments yet. Nothing was charged." };
      throw error;
    }
  }
  if (connector === "sandbox") return { kind: "sandbox" };
  const key = env.STRIPE_PUBLISHABLE_KEY;
  if (!key) return { kind: "unavailable", message: "Card payments are not set up for this business yet (no Stripe publishable key). Nothing was charged." };
  return { kind: "stripe", publishableKey: key };
}
