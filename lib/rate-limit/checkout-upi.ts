import { envRateLimiter } from "./index";

/**
 * The checkout's UPI actions, per client IP and session. Each UPI try asks the PSP (a VPA check, a new
 * transaction): KASSA_RATE_LIMIT_CHECKOUT_UPI_PAY, default 20 in 10 minutes. The page's status refresh
 * asks the PSP every 2 s while it waits (30 a minute): KASSA_RATE_LIMIT_CHECKOUT_UPI_STATUS, default 90 a minute.
 */
export const checkoutUpiPayRateLimiter = () => envRateLimiter("checkout-upi:pay", "KASSA_RATE_LIMIT_CHECKOUT_UPI_PAY", "20/10m");
export const checkoutUpiStatusRateLimiter = () => envRateLimiter("checkout-upi:status", "KASSA_RATE_LIMIT_CHECKOUT_UPI_STATUS", "90/1m");
