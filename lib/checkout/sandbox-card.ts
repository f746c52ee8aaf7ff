import { KassaError } from "@/lib/service/errors";
import { testCardByNumber } from "@/lib/gateways/sandbox/test-cards";

/**
 * The sandbox card form's "tokenisation": checks the fields like a card form would and maps a
 * 16-digit test number to its sandbox payment method (pm_card_visa …). The number, expiry and CVC
 * go no further than this function: nothing stores or logs them, only the payment method id leaves.
 */
export function tokenizeSandboxCard(fields: { number: string; expiry: string; cvc: string }, now = new Date()): string {
  const digits = fields.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits)) throw new KassaError("incorrect_number", "Your card number is incomplete.", { param: "number" });
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(fields.expiry);
  const month = expiry ? Number(expiry[1]) : 0;
  if (!expiry || month < 1 || month > 12)
    throw new KassaError("invalid_expiry_year", "Your card's expiry date is incomplete. Use MM / YY.", { param: "expiry" });
  const year = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (year * 12 + (month - 1) < thisMonth) throw new KassaError("invalid_expiry_year", "Your card's expiry date is in the past.", { param: "expiry" });
  if (!/^\d{3,4}$/.test(fields.cvc.trim())) throw new KassaError("invalid_cvc", "Your card's security code is incomplete.", { param: "cvc" });
  const card = testCardByNumber(digits);
  const paymentMethod = card?.paymentMethods[0];
  if (!paymentMethod) {
    throw new KassaError("incorrect_number", "This checkout is in test mode: use a test card such as 4242 4242 4242 4242.", { param: "number" });
  }
  return paymentMethod;
}
