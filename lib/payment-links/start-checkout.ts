import { getDb } from "@/db/client";
import { openCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { checkoutContext, findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { KassaError } from "@/lib/service/errors";
import { formatMoney, fromDecimalString, MAX_AMOUNT, minimumChargeAmount } from "@/lib/money";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { UPI_MIN_AMOUNT } from "@/lib/upi/settings";
import { findPaymentLink, noSuchPaymentLink } from "./load-payment-link";

/**
 * A customer opened /l/:id: a fresh checkout session for the link's amount × quantity (or the amount
 * the customer chose, as a decimal string), so every payment is its own. `reuse` names the session this
 * browser opened for the link before: while it is still open, the customer goes back to it instead of
 * making another (a reload makes no new session, event or workflow run).
 */
export async function startPaymentLinkCheckout({
  linkId,
  chosenAmount,
  baseUrl,
  reuse,
}: {
  linkId: string;
  chosenAmount?: string;
  baseUrl: string;
  reuse?: string | null;
}): Promise<{ sessionId: string; reused: boolean }> {
  const db = await getDb();
  const found = await findPaymentLink(db, linkId);
  if (!found) throw noSuchPaymentLink(linkId);
  const { link } = found;
  if (!link.active) throw new KassaError("payment_link_inactive", "This payment link is no longer active.");
  if (reuse && link.amount !== null) {
    const open = await findCheckoutSession(db, reuse);
    const s = open?.session;
    if (s && s.paymentLinkId === link.id && s.status === "open" && s.expiresAt.getTime() > Date.now() + 60_000) return { sessionId: s.id, reused: true };
  }
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
    const bound =
      error.code === "amount_too_small"
        ? `Enter at least ${formatMoney(minimumChargeAmount(link.currency), link.currency)}.`
        : error.code === "amount_too_large"
          ? `Enter at most ${formatMoney(MAX_AMOUNT, link.currency)}.`
          : error.message;
    throw new KassaError(error.code, bound, { param: "amount" });
  }
  const ctx = checkoutContext(
    { id: link.id, merchantId: link.merchantId, livemode: link.livemode },
    { actor: { type: "system", id: "payment-link", label: `payment link ${link.id}` } },
  );
  const session = await openCheckoutSession(
    ctx,
    {
      amount,
      currency: link.currency,
      description: link.quantity > 1 ? `${link.description} × ${link.quantity}` : link.description,
      customerEmail: null,
      successUrl: link.successUrl,
      cancelUrl: null,
      // INR links offer UPI beside the card (from ₹1, UPI's minimum).
      paymentMethodTypes: link.currency === "inr" && amount >= UPI_MIN_AMOUNT ? ["card", "upi"] : ["card"],
      captureMethod: "automatic",
      metadata: { ...link.metadata, payment_link: link.id },
      embedOrigins: [],
      paymentLinkId: link.id,
    },
    baseUrl,
  );
  return { sessionId: session.id, reused: false };
}
