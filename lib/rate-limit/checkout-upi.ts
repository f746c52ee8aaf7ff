import { createRateLimiter, parseRule, type RateLimiter } from "./index";

// On globalThis, as index.ts keeps its limiters, so every bundle of the app counts into the same window.
const GLOBAL_KEY = Symbol.for("kassa.checkoutUpiRateLimiters");
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
 * The checkout's UPI actions, per client IP and session. Each UPI try asks the PSP (a VPA check, a new
 * transaction): KASSA_RATE_LIMIT_CHECKOUT_UPI_PAY, default 20 in 10 minutes. The page's status refresh
 * asks the PSP every 2 s while it waits (30 a minute): KASSA_RATE_LIMIT_CHECKOUT_UPI_STATUS, default 90 a minute.
 */
export const checkoutUpiPayRateLimiter = () => named("checkout-upi:pay", "KASSA_RATE_LIMIT_CHECKOUT_UPI_PAY", "20/10m");
export const checkoutUpiStatusRateLimiter = () => named("checkout-upi:status", "KASSA_RATE_LIMIT_CHECKOUT_UPI_STATUS", "90/1m");
