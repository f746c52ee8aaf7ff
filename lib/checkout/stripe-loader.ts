import type { Stripe } from "@stripe/stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";

export type StripeLoader = (publishableKey: string) => Promise<Stripe | null>;

/** How long the checkout waits for Stripe.js before telling the customer the card form could not load. */
export const STRIPE_LOAD_TIMEOUT_MS = 10_000;

export const STRIPE_UNAVAILABLE_MESSAGE =
  "The card form could not load: Stripe's payment form is not reachable from this device. Check your internet connection and reload the page.";

/**
 * Loads Stripe.js (from js.stripe.com, which the CSP allows) and settles either way: the Stripe
 * object, or a rejection when the script cannot load, answers null or takes too long — so the
 * page can say so instead of spinning forever (machines without internet, blocked script).
 */
export async function loadStripeJs(
  publishableKey: string,
  { load = loadStripe as StripeLoader, timeoutMs = STRIPE_LOAD_TIMEOUT_MS }: { load?: StripeLoader; timeoutMs?: number } = {},
): Promise<Stripe> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Stripe.js did not load in time")), timeoutMs);
  });
  try {
    const stripe = await Promise.race([load(publishableKey), timeout]);
    if (!stripe) throw new Error("Stripe.js is not available");
    return stripe;
  } finally {
    clearTimeout(timer);
  }
}
