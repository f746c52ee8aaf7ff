import { RULE_NUMBER_ATTRIBUTES, RULE_STRING_ATTRIBUTES, type RuleNumberAttribute } from "../features";
import type { RuleAttribute } from "./types";

const numberAttributes: ReadonlySet<string> = new Set(RULE_NUMBER_ATTRIBUTES);
const stringAttributes: ReadonlySet<string> = new Set(RULE_STRING_ATTRIBUTES);

/** The number attributes that are yes/no (0 or 1) and may stand alone in a rule (`:is_first_time_customer:` means `= 1`). */
export const RULE_FLAG_ATTRIBUTES: readonly RuleNumberAttribute[] = ["is_first_payment_for_card", "is_first_time_customer", "card_country_mismatch"];
const flagAttributes: ReadonlySet<string> = new Set(RULE_FLAG_ATTRIBUTES);

export function attributeType(name: string): "number" | "string" | undefined {
  if (numberAttributes.has(name)) return "number";
  if (stringAttributes.has(name)) return "string";
  return undefined;
}

export const isFlagAttribute = (name: string): boolean => flagAttributes.has(name);

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The known attribute an unknown name was most likely meant to be: a near spelling, or one that ends with it (`:country:`). */
export function suggestAttribute(name: string): RuleAttribute | undefined {
  const lower = name.toLowerCase();
  const all: readonly RuleAttribute[] = [...RULE_NUMBER_ATTRIBUTES, ...RULE_STRING_ATTRIBUTES];
  let best: RuleAttribute | undefined;
  let bestDistance = Math.max(2, Math.floor(lower.length / 4)) + 1;
  for (const candidate of all) {
    const d = editDistance(lower, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best ?? all.find((candidate) => lower.length >= 3 && candidate.endsWith(`_${lower}`));
}
