import type { ChargeFailure } from "./types";

/**
 * A PayPal wallet payment whose payer canceled on the approval page (PayPal's, or the sandbox's
 * simulated one): Stripe's code for a redirect the customer did not complete. Nothing was charged.
 */
export const walletCanceled = (): ChargeFailure => ({
  code: "payment_intent_authentication_failure",
  declineCode: null,
  message: "The PayPal payment was canceled. Nothing was charged; choose a way to pay.",
  retryable: false,
  type: "card_error",
});

/** PayPal declined the funding the payer chose after approving (INSTRUMENT_DECLINED). Nothing was charged. */
export const walletDeclined = (): ChargeFailure => ({
  code: "payment_method_provider_decline",
  declineCode: null,
  message: "PayPal declined the way you chose to pay. Nothing was charged; choose another way to pay.",
  retryable: false,
  type: "card_error",
});

/** Where PayPal sends a payer who cancels: the (absolute) return URL, marked, so Kassa tells the two apart. */
export function canceledUrl(returnUrl: string): string {
  const url = new URL(returnUrl);
  url.searchParams.set("kassa_paypal", "canceled");
  return url.toString();
}
