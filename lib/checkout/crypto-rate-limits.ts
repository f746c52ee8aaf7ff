import { envRateLimiter } from "@/lib/rate-limit";

/**
 * The checkout's crypto actions, per client IP and session. Choosing a token may derive a deposit address
 * and start a watch on chain: KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_PAY, default 20 in 10 minutes. The page's
 * status refresh (every 2 s, Kassa's records only): KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_STATUS, default 90 a minute.
 */
export const checkoutCryptoPayRateLimiter = () => envRateLimiter("checkout-crypto:pay", "KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_PAY", "20/10m");
export const checkoutCryptoStatusRateLimiter = () => envRateLimiter("checkout-crypto:status", "KASSA_RATE_LIMIT_CHECKOUT_CRYPTO_STATUS", "90/1m");
