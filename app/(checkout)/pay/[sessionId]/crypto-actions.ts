"use server";

import { checkCheckoutCrypto, type CheckoutCryptoStatus } from "@/lib/checkout/check-checkout-crypto";
import { startCheckoutCrypto, type CheckoutCryptoStart } from "@/lib/checkout/start-checkout-crypto";
import { checkoutCryptoPayRateLimiter, checkoutCryptoStatusRateLimiter } from "@/lib/checkout/crypto-rate-limits";
import { settle } from "@/lib/http/core";
import { failedAction, guardPublicAction } from "./action-guard";

export type CryptoPayStep = ({ ok: true } & CheckoutCryptoStart) | { ok: false; code: string; message: string; param: string | null };
export type CryptoStatusStep = ({ ok: true } & CheckoutCryptoStatus) | { ok: false; code: string; message: string };

/** The crypto tab's choice of token: the address, amount and QR to pay to (the same payment again on a reload or a second click). */
export async function payWithCryptoAction(sessionId: string, token: string): Promise<CryptoPayStep> {
  const settled = await settle({ caller: "public", route: "checkout: pay by crypto" }, async () => {
    await guardPublicAction(checkoutCryptoPayRateLimiter(), sessionId);
    return startCheckoutCrypto({ sessionId, token });
  });
  return settled.ok ? { ok: true, ...settled.value } : failedAction(settled);
}

/** The crypto tab's status refresh (every 2 s) for the payment it shows: Kassa's records, which the deposit watcher keeps. */
export async function cryptoStatusAction(sessionId: string, paymentId: string): Promise<CryptoStatusStep> {
  const settled = await settle({ caller: "public", route: "checkout: crypto status" }, async () => {
    await guardPublicAction(checkoutCryptoStatusRateLimiter(), sessionId);
    return checkCheckoutCrypto({ sessionId, paymentId });
  });
  if (settled.ok) return { ok: true, ...settled.value };
  const { code, message } = failedAction(settled);
  return { ok: false, code, message };
}
