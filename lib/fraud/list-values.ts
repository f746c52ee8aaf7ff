import { isIP } from "node:net";
import type { FraudListItemType } from "@/db/schema";
import { checkVpa } from "@/lib/upi/vpa";
import { KassaError } from "@/lib/service/errors";

/** Deliberately plain: one @, no spaces, a dot in the domain (what checkout accepts), at most 254 characters. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const RULES: Record<FraudListItemType, { test: (v: string) => boolean; says: string }> = {
  card_fingerprint: { test: (v) => /^[a-z0-9]{8,64}$/.test(v), says: "a card fingerprint: 8 to 64 letters and digits" },
  email: { test: (v) => v.length <= 254 && EMAIL.test(v), says: "an email address such as jenny@example.com" },
  ip_address: { test: (v) => isIP(v) !== 0, says: "an IPv4 or IPv6 address such as 203.0.113.7" },
  vpa: { test: () => true, says: "a VPA such as asha@okaxis" },
  card_bin: { test: (v) => /^[0-9]{6,8}$/.test(v), says: "a card BIN: the first 6 to 8 digits of a card number" },
  customer: { test: (v) => /^cus_[a-z0-9]{1,64}$/.test(v), says: "a customer id such as cus_…" },
  country: { test: (v) => /^[a-z]{2}$/.test(v), says: "a two-letter ISO country code such as NG" },
};

/**
 * A list item's value as stored: trimmed and lowercased (rules compare lowercased), checked against the list's
 * item type. Throws 400 parameter_invalid (a VPA: vpa_invalid / vpa_blocked) with `param: "value"`.
 */
export function normalizeListValue(itemType: FraudListItemType, raw: string): string {
  const value = raw.trim().toLowerCase();
  if (itemType === "vpa") return checkVpa(value, "value");
  const rule = RULES[itemType];
  if (!rule.test(value)) {
    throw new KassaError("parameter_invalid", `Invalid value: this list holds ${itemType} values, and '${raw.slice(0, 80)}' is not ${rule.says}.`, {
      param: "value",
    });
  }
  return value;
}
