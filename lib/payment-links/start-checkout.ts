import { getDb } from "@/db/client";
import { openCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { checkoutContext } from "@/lib/checkout/load-checkout-session";
import { KassaError } from "@/lib/errors";
import { formatMoney, fromDecimalString, MAX_AMOUNT, minimumChargeAmount } from "@/lib/money";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { findPaymentLink, noSuchPaymentLink } from "./load-payment-link";

/**
 * A customer opened /l/:id: a fresh checkout session for the link's amount × quantity (or the amount
 * the customer chose, as a decimal string), so every use is its own payment.
 */
export async function startPaymentLinkCheckout({ linkId, chosenAmount, baseUrl }: { linkId: string; chosenAmount?: string; baseUrl: string }): Promise<{ sessionId: string }> {
  const found = await findPaymentLink(await getDb(), linkId);
  if (!found) throw noSuchPaymentLink(linkId);
  const { link } = found;
  if (!link.active) throw new KassaError("payment_link_inactive", "This payment link is no longer active.");
  let amount: bigint;
  if (link.amount !== null) {
    amount = link.amount * BigInt(link.quantity);
  } else {
    if (chosenAmount === undefined) throw new KassaError("parameter_missing", "Enter an amount.", { param: "amount" });
    try {
      amount = fromDecimalString(chosenAmount, link.currency);
    } catch {
      throw new KassaError("parameter_invalid", "Enter the amount as a number, such as 12.50.", { param: "amount" });
    }
  }
  try {
    checkChargeAmount(amount, link.currency);
  } catch (error) {
    // The customer typed it: say it in their terms, not in minor units.
    if (link.amount !== null || !(error instanceof KassaError)) throw error;
    const bound = error.code === "amount_too_small" ? `Enter at least ${formatMoney(minimumChargeAmount(link.currency), link.currency)}.` : error.code === "amount_too_large" ? `Enter at most ${formatMoney(MAX_AMOUNT, link.currency)}.` : error.message;
    throw new KassaError(error.code, bound, { param: "amount" });
  }
  const ctx = checkoutContext({ id: link.id, merchantId: link.merchantId, livemode: link.livemode }, { actor: { type: "system", id: "payment-link", label: `payment link ${link.id}` } });
  const session = await openCheckoutSession(
    ctx,
    {
      amount,
      currency: link.currency,
      description: link.quantity > 1 ? `${link.description} × ${link.quantity}` : link.description,
      customerEmail: null,
      successUrl: link.successUrl,
      cancelUrl: null,
      paymentMethodTypes: ["card"],
      captureMethod: "automatic",
      metadata: { ...link.metadata, payment_link: link.id },
      embedOrigins: [],
      paymentLinkId: link.id,
    },
    baseUrl,
  );
  return { sessionId: session.id };
}
