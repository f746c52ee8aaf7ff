import { createRateLimiter, parseRule, type RateLimiter } from "@/lib/rate-limit";

// On globalThis, as lib/rate-limit keeps its limiters, so every bundle of the app counts into the same window.
const GLOBAL_KEY = Symbol.for("kassa.checkoutCryptoRateLimiters");
type G = typeof globalThis & { [GLOBAL_KEY]?: Map<string, RateLimiter> };

function named(name: string, env: string, fallback: string): RateLimiter {
  const map = ((globalThis as G)[GLOBAL_KEY] ??= new Map());
  let limiter = map.get(name);
  if (!limiter) {
    limiter = createRateLimiter({ name, ...parseRule(process.env[env] ?? fallback) });
    map.set(name, limiter);
  }
  return limiter;
}

/**
 * The checkout's crypto actions, per client IP and session. Choosing a token may derive a deposit address
 * and start a watch on chain: KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_PAY, default 20 in 10 minutes. The page's
 * status refresh (every 2 s, Kassa's records only): KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_STATUS, default 90 a minute.
 */
export const checkoutCryptoPayRateLimiter = () => named("checkout-crypto:pay", "KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_PAY", "20/10m");
export const checkoutCryptoStatusRateLimiter = () => named("checkout-crypto:status", "KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_STATUS", "90/1m");
