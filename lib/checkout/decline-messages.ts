/**
 * What the customer reads when a card is refused, by Stripe's decline_code (or error code). Fraud
 * declines read like a generic decline, as Stripe advises, so a fraudster learns nothing.
 */
const MESSAGES: Record<string, string> = {
  generic_decline: "Your card was declined. Try another card.",
  card_declined: "Your card was declined. Try another card.",
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  expired_card: "Your card has expired. Try another card.",
  incorrect_cvc: "Your card's security code is incorrect.",
  fraudulent: "Your card was declined. Try another card.",
  authentication_required: "Your bank could not authenticate this payment. Try again or use another card.",
  payment_intent_authentication_failure: "You canceled the PayPal payment. Nothing was charged; choose a way to pay.",
  processing_error: "An error occurred while processing your card. Try again in a moment.",
};

export function declineMessage(code: string | null | undefined, declineCode: string | null | undefined, fallback: string): string {
  return (declineCode && MESSAGES[declineCode]) || (code && MESSAGES[code]) || fallback;
}
