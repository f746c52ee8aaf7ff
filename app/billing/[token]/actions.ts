"use server";

import { refresh } from "next/cache";
import { refreshPortalCard, savePortalCard, type PortalCardResult } from "@/lib/billing-portal/save-portal-card";
import { setPortalCancel } from "@/lib/billing-portal/set-portal-cancel";
import { portalPath } from "@/lib/billing-portal/token";
import { tokenizeSandboxCard } from "@/lib/checkout/sandbox-card";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import { settle } from "@/lib/http/core";
import { assertFromOwnPage } from "@/lib/http/public-action";
import type { CancelState } from "@/components/billing-portal/cancel-form";

// The portal's actions. Each is a POST that must come from the portal page itself (assertFromOwnPage: an
// Origin of this host, never another site's) and carries the page's token, which is checked again here:
// the session it opens decides the customer, whatever else the request says.

const str = (form: FormData, key: string) => String(form.get(key) ?? "");

/** The sandbox card form: only number, expiry and CVC are read, turned into a test payment method here and no further. */
export async function saveCardAction(token: string, form: FormData): Promise<CheckoutStep> {
  return cardStep(token, "billing portal: save card", () =>
    savePortalCard({
      token,
      card: { form: "sandbox", paymentMethod: tokenizeSandboxCard({ number: str(form, "number"), expiry: str(form, "expiry"), cvc: str(form, "cvc") }) },
    }),
  );
}

/** The Stripe path: a PaymentMethod id Stripe.js made from the Payment Element. */
export async function saveCardWithPaymentMethodAction(token: string, paymentMethod: string): Promise<CheckoutStep> {
  return cardStep(token, "billing portal: save card", () => savePortalCard({ token, card: { form: "stripe", paymentMethod: String(paymentMethod) } }));
}

/** After Stripe.js ran the bank's challenge for the card being saved. */
export async function refreshCardAction(token: string): Promise<CheckoutStep> {
  return cardStep(token, "billing portal: refresh card", () => refreshPortalCard({ token }));
}

async function cardStep(token: string, route: string, run: () => Promise<PortalCardResult | { status: "failed" }>): Promise<CheckoutStep> {
  const settled = await settle({ caller: "public", route }, async () => {
    await assertFromOwnPage();
    return run();
  });
  if (!settled.ok) {
    const { code, message } = settled.error;
    return {
      ok: false,
      code,
      message: code === "api_error" ? `Something went wrong on our side. Try again; if it keeps happening, quote ${settled.requestId}.` : message,
    };
  }
  const result = settled.value;
  if (result.status === "requires_action") return { ok: true, next: "stripe_action", clientSecret: result.clientSecret };
  if (result.status === "failed")
    return { ok: false, code: "authentication_required", message: "Your bank did not confirm this card. Try again or use another card." };
  return { ok: true, next: "complete", url: `${portalPath(token)}?updated=card` };
}

/** Cancel at period end (`cancel=true`) or keep the subscription (`cancel=false`). */
export async function setCancelAction(token: string, _prev: CancelState, form: FormData): Promise<CancelState> {
  const cancel = str(form, "cancel") === "true";
  const settled = await settle({ caller: "public", route: "billing portal: cancel at period end" }, async () => {
    await assertFromOwnPage();
    return setPortalCancel({ token, subscription: str(form, "subscription"), cancel });
  });
  if (!settled.ok) {
    const { code, message } = settled.error;
    return {
      ok: false,
      message:
        code === "api_error"
          ? `Something went wrong on our side. Nothing was changed; try again. If it keeps happening, quote ${settled.requestId}.`
          : code === "resource_missing"
            ? "This subscription can't be changed from this page."
            : message,
    };
  }
  // The page shows the subscription as it now is.
  refresh();
  return { ok: true, message: cancel ? "Your subscription will end at the end of this period." : "Your subscription will renew." };
}
