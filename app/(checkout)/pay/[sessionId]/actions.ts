"use server";

import { getDb } from "@/db/client";
import { requestBaseUrl, withEmbed } from "@/lib/checkout/checkout-urls";
import { findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { payCheckoutSession, refreshCheckoutSession, type PayResult } from "@/lib/checkout/pay-checkout-session";
import { walletState, type WalletState } from "@/lib/checkout/return-from-paypal";
import { tokenizeSandboxCard } from "@/lib/checkout/sandbox-card";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import { KassaError } from "@/lib/service/errors";
import { settle } from "@/lib/http/core";

const str = (form: FormData, key: string) => String(form.get(key) ?? "");

/**
 * The sandbox card form. Only number, expiry and CVC are read (an amount in the form is ignored:
 * the session fixes it); they are turned into a test payment method here and go no further.
 */
export async function payWithCardAction(sessionId: string, embedOrigin: string | null, form: FormData): Promise<CheckoutStep> {
  return step(sessionId, embedOrigin, async (returnUrl) => {
    const paymentMethod = tokenizeSandboxCard({ number: str(form, "number"), expiry: str(form, "expiry"), cvc: str(form, "cvc") });
    return payCheckoutSession({ sessionId, paymentMethod, returnUrl });
  });
}

/** The Stripe path: a PaymentMethod id that Stripe.js created from the Payment Element. */
export async function payWithPaymentMethodAction(sessionId: string, embedOrigin: string | null, paymentMethod: string): Promise<CheckoutStep> {
  return step(sessionId, embedOrigin, async (returnUrl) => {
    if (typeof paymentMethod !== "string" || !/^pm_[A-Za-z0-9_]{1,250}$/.test(paymentMethod)) {
      throw new KassaError("parameter_invalid", "The card form sent an invalid payment method.", { param: "payment_method" });
    }
    return payCheckoutSession({ sessionId, paymentMethod, returnUrl });
  });
}

/**
 * The PayPal button: the session's payment goes to PayPal (or the sandbox's simulated wallet) and the
 * customer to the approval page, which sends them back to /pay/:id/paypal-return. An embedded checkout
 * opens that page in its own window (PayPal's pages refuse to be framed) and waits on paypalStateAction.
 */
export async function payWithPayPalAction(sessionId: string, embedOrigin: string | null): Promise<CheckoutStep> {
  const back = `/pay/${encodeURIComponent(sessionId)}/paypal-return${embedOrigin ? "?popup=1" : ""}`;
  return step(sessionId, embedOrigin, (returnUrl) => payCheckoutSession({ sessionId, paymentMethod: "paypal", returnUrl }), back);
}

/** An embedded checkout waiting on its PayPal window: where the payment stands, from Kassa's records. */
export async function paypalStateAction(sessionId: string): Promise<WalletState> {
  const settled = await settle({ caller: "public", route: "checkout: paypal state" }, () => walletState({ sessionId }));
  return settled.ok ? settled.value : { state: "failed", message: settled.error.message };
}

/** After Stripe.js ran a 3DS challenge: Kassa asks Stripe what became of the payment. */
export async function refreshAction(sessionId: string, embedOrigin: string | null): Promise<CheckoutStep> {
  return step(sessionId, embedOrigin, () => refreshCheckoutSession({ sessionId }));
}

async function step(sessionId: string, embedOrigin: string | null, run: (returnUrl: string) => Promise<PayResult>, returnPath?: string): Promise<CheckoutStep> {
  const settled = await settle({ caller: "public", route: "checkout: pay" }, async (): Promise<CheckoutStep> => {
    const found = await findCheckoutSession(await getDb(), sessionId);
    // The embed origin comes from the browser: only one registered for this session is kept.
    const embed = embedOrigin && found?.session.embedOrigins.includes(embedOrigin) ? embedOrigin : null;
    const page = withEmbed(`/pay/${sessionId}`, embed);
    const result = await run(`${await requestBaseUrl()}${returnPath ?? page}`);
    switch (result.status) {
      case "complete":
      case "processing":
        return { ok: true, next: "complete", url: page };
      case "requires_action":
        if (result.clientSecret) return { ok: true, next: "stripe_action", clientSecret: result.clientSecret };
        if (!result.redirectUrl) return { ok: true, next: "complete", url: page };
        // Kassa's own pages (the sandbox's) keep the embed; a processor's page (PayPal's) is opened as it is.
        return { ok: true, next: "redirect", url: result.redirectUrl.startsWith("/") ? withEmbed(result.redirectUrl, embed) : result.redirectUrl };
      case "failed":
        return { ok: false, code: result.declineCode ?? result.code, message: result.message };
    }
  });
  if (settled.ok) return settled.value;
  const { code, message } = settled.error;
  return code === "api_error"
    ? { ok: false, code, message: "Something went wrong on our side. Nothing was charged; try again." }
    : { ok: false, code, message };
}
