import type { CheckoutSessionRow } from "@/db/schema";

/** USD stablecoins at 1:1: the crypto tab is for sessions in US dollars only (ETH would need a price feed). */
export const CRYPTO_CHECKOUT_CURRENCY = "usd";

/** The session offers crypto: asked for, and in USD (creation refuses anything else; older rows are checked here too). */
export function offersCrypto(session: Pick<CheckoutSessionRow, "paymentMethodTypes" | "currency" | "captureMethod">): boolean {
  return session.paymentMethodTypes.includes("crypto") && session.currency === CRYPTO_CHECKOUT_CURRENCY && session.captureMethod === "automatic";
}
