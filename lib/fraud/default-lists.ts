import type { FraudListItemType } from "@/db/schema";

/**
 * The attributes Kassa's default rules (lib/fraud/load-rules.ts) look up in `@block_<attr>` and `@allow_<attr>`,
 * with the item type each list holds. These lists need not exist: a rule may name them before they do (an absent
 * list is empty), and the first item added to one by alias (POST /api/v1/radar/value_list_items
 * `{ value_list: "block_email", … }`) creates it.
 */
export const DEFAULT_LIST_ATTRIBUTES = {
  card_fingerprint: "card_fingerprint",
  email: "email",
  ip_address: "ip_address",
  vpa: "vpa",
  card_bin: "card_bin",
  customer: "customer",
  card_country: "country",
} as const satisfies Record<string, FraudListItemType>;

const NAMES: Record<keyof typeof DEFAULT_LIST_ATTRIBUTES, string> = {
  card_fingerprint: "card fingerprints",
  email: "emails",
  ip_address: "IP addresses",
  vpa: "VPAs",
  card_bin: "card BINs",
  customer: "customers",
  card_country: "card countries",
};

export interface DefaultList {
  alias: string;
  name: string;
  itemType: FraudListItemType;
}

/** The default list an alias names (`block_email`, `allow_card_country`…), or null for a merchant's own alias. */
export function defaultList(alias: string): DefaultList | null {
  const m = /^(block|allow)_(.+)$/.exec(alias);
  if (!m || !(m[2]! in DEFAULT_LIST_ATTRIBUTES)) return null;
  const attr = m[2] as keyof typeof DEFAULT_LIST_ATTRIBUTES;
  return { alias, name: `${m[1] === "block" ? "Blocked" : "Allowed"} ${NAMES[attr]}`, itemType: DEFAULT_LIST_ATTRIBUTES[attr] };
}
