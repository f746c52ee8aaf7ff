import type { Stripe, StripeElements } from "@stripe/stripe-js";

/** What the checkout page's pay calls answer (lib/checkout/checkout-page-actions.ts). */
export type CheckoutStep =
  | { ok: true; next: "complete"; url: string }
  | { ok: true; next: "redirect"; url: string }
  | { ok: true; next: "stripe_action"; clientSecret: string }
  | { ok: false; message: string; code: string };

export interface StripeFlowDeps {
  stripe: Pick<Stripe, "createPaymentMethod" | "handleNextAction">;
  elements: Pick<StripeElements, "submit">;
  /** Posts the PaymentMethod id to Kassa, which confirms the session's payment with it. */
  pay: (paymentMethodId: string) => Promise<CheckoutStep>;
  /** Asks Kassa to read the payment's state from Stripe again (after Stripe.js ran a 3DS challenge). */
  refresh: () => Promise<CheckoutStep>;
}

/**
 * Stripe's deferred-intent flow with server-side confirmation: validate the Payment Element,
 * create a PaymentMethod in the browser (card details go to Stripe only), let Kassa confirm, and
 * let Stripe.js handle a required action (3D Secure) with the PaymentIntent's client secret.
 */
export async function payWithStripe({ stripe, elements, pay, refresh }: StripeFlowDeps): Promise<CheckoutStep> {
  const submitted = await elements.submit();
  if (submitted.error) return { ok: false, code: submitted.error.code ?? "validation_error", message: submitted.error.message ?? "Check your card details." };
  const created = await stripe.createPaymentMethod({ elements: elements as StripeElements });
  if (created.error || !created.paymentMethod)
    return { ok: false, code: created.error?.code ?? "card_error", message: created.error?.message ?? "Your card could not be used." };
  const step = await pay(created.paymentMethod.id);
  if (!step.ok || step.next !== "stripe_action") return step;
  const handled = await stripe.handleNextAction({ clientSecret: step.clientSecret });
  const after = await refresh();
  if (handled.error && !(after.ok && after.next === "complete")) {
    return {
      ok: false,
      code: handled.error.code ?? "authentication_required",
      message: handled.error.message ?? "Your bank could not authenticate this payment.",
    };
  }
  return after;
}
