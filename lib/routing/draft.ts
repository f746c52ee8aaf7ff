// The dashboard editor's form state for routing rules, and its exact conversion to the API's document
// (lib/routing/rules.ts). Pure and zod-free, so the browser can use it without the schema's weight.
import { currencyExponent, fromDecimalString, isCurrency, toDecimalString } from "@/lib/money";
import type { RoutingConditions, RoutingRules, RoutingTarget } from "./rules";

export interface SplitRowDraft {
  connector: string;
  /** As typed: a whole number of percent. */
  weight: string;
}

export interface RouteDraft {
  kind: "connector" | "split";
  connector: string;
  split: SplitRowDraft[];
}

export interface RuleDraft {
  /** React's key: stays with the rule when it moves. */
  key: string;
  name: string;
  /** Comma- or space-separated, as typed ("EUR, GBP"). */
  currency: string;
  /** Major units of the currency when `amountCurrency` names one, else whole minor units. */
  amountFrom: string;
  amountTo: string;
  paymentMethodTypes: string[];
  cardBrands: string[];
  cardCountry: string;
  bin: string;
  route: RouteDraft;
}

export interface RoutingDraft {
  rules: RuleDraft[];
  default: RouteDraft;
}

/** A refusal the editor shows at the field it names (the API's `param`), from the server or from here. */
export interface DraftProblem {
  error: string;
  code: string;
  param?: string;
}

export type RoutingDocument = Pick<RoutingRules, "rules" | "default">;

let keys = 0;
export const newRuleKey = () => `rule-${++keys}`;

/** "EUR, gbp  usd" → ["EUR", "gbp", "usd"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The currency whose major units the amount fields take: the rule's currencies when every one is known
 * and they share one exponent (EUR and USD: cents), the first of them; otherwise null, and amounts are
 * whole minor units of whatever currency the payment is in.
 */
export function amountCurrency(currencyText: string): string | null {
  const codes = splitList(currencyText).map((c) => c.toLowerCase());
  if (codes.length === 0 || !codes.every(isCurrency)) return null;
  const exp = currencyExponent(codes[0]!);
  return codes.every((c) => currencyExponent(c) === exp) ? codes[0]! : null;
}

function routeDraft(target: RoutingTarget | null, connectors: string[]): RouteDraft {
  if (!target) return { kind: "connector", connector: connectors[0] ?? "", split: [] };
  if ("connector" in target) return { kind: "connector", connector: target.connector, split: [] };
  return {
    kind: "split",
    connector: target.split[0]?.connector ?? connectors[0] ?? "",
    split: target.split.map((s) => ({ connector: s.connector, weight: String(s.weight) })),
  };
}

function amountText(amount: number | undefined, currency: string | null): string {
  if (amount === undefined) return "";
  return currency ? toDecimalString(BigInt(amount), currency) : String(amount);
}

/** The editor's state for saved rules. */
export function draftFromRules(doc: { rules: RoutingRules["rules"]; default: RoutingTarget | null }, connectors: string[]): RoutingDraft {
  return {
    rules: doc.rules.map((rule) => {
      const currency = (rule.when.currency ?? []).map((c) => c.toUpperCase()).join(", ");
      const unit = amountCurrency(currency);
      return {
        key: newRuleKey(),
        name: rule.name ?? "",
        currency,
        amountFrom: amountText(rule.when.amount_gte, unit),
        amountTo: amountText(rule.when.amount_lt, unit),
        paymentMethodTypes: [...(rule.when.payment_method_type ?? [])],
        cardBrands: [...(rule.when.card_brand ?? [])],
        cardCountry: (rule.when.card_country ?? []).join(", "),
        bin: (rule.when.bin ?? []).join(", "),
        route: routeDraft(rule.route, connectors),
      };
    }),
    default: routeDraft(doc.default, connectors),
  };
}

export function emptyRule(connectors: string[]): RuleDraft {
  return {
    key: newRuleKey(),
    name: "",
    currency: "",
    amountFrom: "",
    amountTo: "",
    paymentMethodTypes: [],
    cardBrands: [],
    cardCountry: "",
    bin: "",
    route: routeDraft(null, connectors),
  };
}

class Refusal extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
  }
}

/** A whole-number weight as typed, or null. */
export function weightOf(text: string): number | null {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : null;
}

/** The split's weights added up, counting only whole numbers; null when one is not a whole number. */
export function splitTotal(route: RouteDraft): number | null {
  let total = 0;
  for (const row of route.split) {
    const w = weightOf(row.weight);
    if (w === null) return null;
    total += w;
  }
  return total;
}

function toTarget(route: RouteDraft, param: string): RoutingTarget {
  if (route.kind === "connector") {
    if (!route.connector) throw new Refusal(`${param}[connector]`, "Choose a connector.");
    return { connector: route.connector };
  }
  if (route.split.length < 2) throw new Refusal(`${param}[split]`, "A split needs at least two connectors; for one, choose “One connector”.");
  return {
    split: route.split.map((row, i) => {
      if (!row.connector) throw new Refusal(`${param}[split][${i}][connector]`, "Choose a connector.");
      const weight = weightOf(row.weight);
      if (weight === null || weight < 1 || weight > 100) throw new Refusal(`${param}[split][${i}][weight]`, "The weight must be a whole number from 1 to 100.");
      return { connector: row.connector, weight };
    }),
  };
}

/** An amount field in minor units: major units of `currency` when given (exact, no floats), else whole minor units. */
function toMinor(text: string, currency: string | null, param: string): number | undefined {
  const typed = text.trim();
  if (typed === "") return undefined;
  let minor: bigint;
  if (currency) {
    try {
      minor = fromDecimalString(typed.replace(/[\s_]/g, ""), currency);
    } catch (error) {
      const places = currencyExponent(currency);
      const detail =
        error instanceof RangeError && /decimal places/.test(error.message) ? `${currency.toUpperCase()} has ${places} decimal places` : "not a number";
      throw new Refusal(
        param,
        `Enter an amount in ${currency.toUpperCase()} such as ${toDecimalString(1050n * 10n ** BigInt(Math.max(0, places - 2)), currency)} (${detail}).`,
      );
    }
  } else {
    if (!/^\d+$/.test(typed)) {
      throw new Refusal(param, "With no currency set (or currencies of different decimal places), enter a whole number of minor units, e.g. 1050 for 10.50.");
    }
    minor = BigInt(typed);
  }
  if (minor < 0n) throw new Refusal(param, "The amount may not be negative.");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new Refusal(param, "The amount is too large.");
  return Number(minor);
}

function toConditions(rule: RuleDraft, param: string): RoutingConditions {
  const when: RoutingConditions = {};
  const currencies = splitList(rule.currency);
  currencies.forEach((c, i) => {
    if (!isCurrency(c)) throw new Refusal(`${param}[currency][${i}]`, `${c} is not a currency Kassa supports (a three-letter ISO code such as EUR).`);
  });
  if (currencies.length) when.currency = currencies.map((c) => c.toLowerCase());
  const unit = amountCurrency(rule.currency);
  const gte = toMinor(rule.amountFrom, unit, `${param}[amount_gte]`);
  const lt = toMinor(rule.amountTo, unit, `${param}[amount_lt]`);
  if (gte !== undefined) when.amount_gte = gte;
  if (lt !== undefined) when.amount_lt = lt;
  if (rule.paymentMethodTypes.length) when.payment_method_type = rule.paymentMethodTypes as RoutingConditions["payment_method_type"];
  if (rule.cardBrands.length) when.card_brand = rule.cardBrands as RoutingConditions["card_brand"];
  const countries = splitList(rule.cardCountry);
  if (countries.length) when.card_country = countries.map((c) => c.toUpperCase());
  const bins = splitList(rule.bin);
  if (bins.length) when.bin = bins;
  return when;
}

/**
 * The API document for the editor's state, or the first problem found before sending (amounts that are not
 * exact in their currency, unknown currencies, a split that is not a split). Everything else — connectors,
 * weights adding up to 100, ranges — the server checks, and its refusal names the field the same way.
 */
export function rulesFromDraft(draft: RoutingDraft): { ok: true; doc: RoutingDocument } | { ok: false; problem: DraftProblem } {
  try {
    const rules = draft.rules.map((rule, i) => {
      const name = rule.name.trim();
      return {
        ...(name ? { name } : {}),
        when: toConditions(rule, `rules[${i}][when]`),
        route: toTarget(rule.route, `rules[${i}][route]`),
      };
    });
    return { ok: true, doc: { rules, default: toTarget(draft.default, "default") } };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: { error: error.message, code: "parameter_invalid", param: error.param } };
    throw error;
  }
}

/** The API parameter each field of the editor stands for: where a refusal naming that parameter is shown. */
export function routeParams(route: RouteDraft, prefix: string): string[] {
  return route.kind === "connector"
    ? [prefix, `${prefix}[connector]`]
    : [prefix, `${prefix}[split]`, ...route.split.flatMap((_, j) => [`${prefix}[split][${j}][connector]`, `${prefix}[split][${j}][weight]`])];
}

const CONDITION_FIELDS = ["currency", "amount_gte", "amount_lt", "payment_method_type", "card_brand", "card_country", "bin"] as const;

export function fieldParams(draft: RoutingDraft): string[] {
  return [
    ...draft.rules.flatMap((rule, i) => [
      `rules[${i}]`,
      `rules[${i}][name]`,
      `rules[${i}][when]`,
      ...CONDITION_FIELDS.map((f) => `rules[${i}][when][${f}]`),
      ...routeParams(rule.route, `rules[${i}][route]`),
    ]),
    ...routeParams(draft.default, "default"),
  ];
}

/**
 * The field that shows a refusal: the most specific one whose parameter the refusal's parameter starts with
 * (`rules[2][when][currency][1]` → the rule's currency field; `rules[2][route][split]` → the split's total),
 * or null when it names none (shown by the Save button).
 */
export function problemField(param: string | undefined, draft: RoutingDraft): string | null {
  if (!param) return null;
  let best: string | null = null;
  for (const p of fieldParams(draft)) {
    if ((param === p || param.startsWith(`${p}[`)) && (best === null || p.length > best.length)) best = p;
  }
  return best;
}

/** The evaluate call nests the draft under `rules`: its syntax errors say `rules[rules][0]…`, `rules[default]…`. */
export function draftParam(param: string | undefined): string | undefined {
  if (!param) return param;
  if (param.startsWith("rules[rules]")) return `rules${param.slice("rules[rules]".length)}`;
  if (param.startsWith("rules[default]")) return `default${param.slice("rules[default]".length)}`;
  return param;
}

/** A DOM id for the field of a parameter (`rules[0][when][currency]` → `routing-rules-0-when-currency`). */
export const fieldId = (param: string) => `routing-${param.replace(/\]\[|\[|\]/g, "-").replace(/-+$/, "")}`;
