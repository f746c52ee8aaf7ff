/**
 * Card behaviour in PayPal's sandbox (developer.paypal.com/tools/sandbox/card-testing): the documented
 * test numbers succeed; a rejection trigger in the name on the card (case-sensitive) declines with the
 * listed processor response code, AVS code G (globally unavailable) and CVV code P (not processed).
 */
export const PAYPAL_TEST_CARDS: Readonly<Record<string, { brand: string; type: "CREDIT" | "DEBIT" }>> = {
  "371449635398431": { brand: "AMEX", type: "CREDIT" },
  "376680816376961": { brand: "AMEX", type: "CREDIT" },
  "36259600000004": { brand: "DINERS", type: "CREDIT" },
  "6304000000000000": { brand: "MAESTRO", type: "DEBIT" },
  "5063516945005047": { brand: "MAESTRO", type: "DEBIT" },
  "2223000048400011": { brand: "MASTERCARD", type: "CREDIT" },
  "4005519200000004": { brand: "VISA", type: "CREDIT" },
  "4012000033330026": { brand: "VISA", type: "CREDIT" },
  "4012000077777777": { brand: "VISA", type: "CREDIT" },
  "4012888888881881": { brand: "VISA", type: "CREDIT" },
  "4217651111111119": { brand: "VISA", type: "CREDIT" },
  "4500600000000061": { brand: "VISA", type: "CREDIT" },
  "4772129056533503": { brand: "VISA", type: "CREDIT" },
  "4915805038587737": { brand: "VISA", type: "CREDIT" },
};

/** Rejection trigger → processor_response.response_code (PayPal's card-testing table). */
export const REJECTION_TRIGGERS: Readonly<Record<string, string>> = {
  "CCREJECT-REFUSED": "0500",
  "CCREJECT-SF": "9500",
  "CCREJECT-EC": "5400",
  "CCREJECT-IRC": "5180",
  "CCREJECT-IF": "5120",
  "CCREJECT-LS": "9520",
  "CCREJECT-IA": "1330",
  "CCREJECT-BANK_ERROR": "5100",
  "CCREJECT-CVV_F": "00N7",
};

export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A brand from the number's prefix, for generated (non-listed) sandbox cards. */
export function brandOf(number: string): { brand: string; type: "CREDIT" | "DEBIT" | "UNKNOWN" } {
  const listed = PAYPAL_TEST_CARDS[number];
  if (listed) return listed;
  if (/^4/.test(number)) return { brand: "VISA", type: "UNKNOWN" };
  if (/^(5[1-5]|2[2-7])/.test(number)) return { brand: "MASTERCARD", type: "UNKNOWN" };
  if (/^3[47]/.test(number)) return { brand: "AMEX", type: "UNKNOWN" };
  if (/^6(011|5)/.test(number)) return { brand: "DISCOVER", type: "UNKNOWN" };
  return { brand: "UNKNOWN", type: "UNKNOWN" };
}

/** `YYYY-MM` in the past (PayPal's card.expiry format)? */
export function expired(expiry: string, now = new Date()): boolean {
  const [y, m] = expiry.split("-").map(Number);
  return y! < now.getUTCFullYear() || (y === now.getUTCFullYear() && m! < now.getUTCMonth() + 1);
}
