import { CHECKOUT_PAYMENT_METHOD_TYPES, type CheckoutPaymentMethodType, type CheckoutSessionRow } from "@/db/schema";

/** The ways a checkout session can offer to pay (stored in its jsonb column). */
export const CHECKOUT_METHODS = CHECKOUT_PAYMENT_METHOD_TYPES;
export type CheckoutMethod = CheckoutPaymentMethodType;

/** What the session offers, as stored. */
export function sessionMethods(session: Pick<CheckoutSessionRow, "paymentMethodTypes">): readonly CheckoutMethod[] {
  return session.paymentMethodTypes as readonly CheckoutMethod[];
}

/** The column's type for a list of methods. */
export const storedMethods = (methods: CheckoutMethod[]): CheckoutPaymentMethodType[] => methods;

/** USD stablecoins at 1:1: the crypto tab is for sessions in US dollars only (ETH would need a price feed). */
export const CRYPTO_CHECKOUT_CURRENCY = "usd";

/** The session offers crypto: asked for, and in USD (creation refuses anything else; older rows are checked here too). */
export function offersCrypto(session: Pick<CheckoutSessionRow, "paymentMethodTypes" | "currency" | "captureMethod">): boolean {
  return sessionMethods(session).includes("crypto") && session.currency === CRYPTO_CHECKOUT_CURRENCY && session.captureMethod === "automatic";
}
