import Stripe from "stripe";

/**
 * The Stripe SDK client from the environment: STRIPE_SECRET_KEY, and for tests STRIPE_API_BASE
 * (e.g. http://127.0.0.1:12111) pointing the SDK at a local stand-in such as test/stripe-double.
 * STRIPE_MAX_NETWORK_RETRIES (default 1) and STRIPE_TIMEOUT_MS (default 30 s) tune the SDK: its own
 * retries reuse the idempotency key Kassa sends, so they can never charge twice.
 */
export function stripeClientFromEnv(env: Record<string, string | undefined> = process.env): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: the Stripe connector is not configured.");
  return new Stripe(key, {
    ...apiBase(env.STRIPE_API_BASE),
    maxNetworkRetries: intOr(env.STRIPE_MAX_NETWORK_RETRIES, 1),
    timeout: intOr(env.STRIPE_TIMEOUT_MS, 30_000),
    appInfo: { name: "Kassa" },
  });
}

function apiBase(base: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

function intOr(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
}
