import { KassaError } from "@/lib/service/errors";
import type { RoutableConnector } from "./connectors";
import type { RoutablePaymentMethodType, RoutingConditions, RoutingRules, RoutingTarget } from "./rules";

/** What routing knows of a payment when it picks a connector (card facts only when known: test cards, saved cards). */
export interface RoutingFacts {
  /** The payment's id: a split sends the same payment to the same connector on every attempt. */
  paymentId: string;
  /** Minor units. */
  amount: bigint;
  /** Lowercase ISO 4217. */
  currency: string;
  paymentMethodType: RoutablePaymentMethodType;
  card?: { brand: string | null; country: string | null; bin: string | null } | null;
}

export interface RoutingDecision {
  connector: string;
  /** The rule that matched (its place in the list and its name), or null for the default. */
  rule: { index: number; name: string | null } | null;
  /** The connectors to try in order if one is unavailable: the chosen one first, then the rest of its route, then the default's. */
  candidates: string[];
}

export type Router = (facts: RoutingFacts) => RoutingDecision | null;

const SPLIT_BUCKETS = 10_000;

/**
 * FNV-1a over the id, then murmur3's finaliser: ids made in the same millisecond differ only in their last
 * characters, and the finaliser spreads that over every bit, so a 70/30 split lands 70/30.
 */
export function splitBucket(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % SPLIT_BUCKETS;
}

const invalid = (param: string, message: string) => new KassaError("routing_rule_invalid", message, { param });

interface CompiledTarget {
  /** Connectors with their cumulative bucket bounds (a single connector: one entry up to SPLIT_BUCKETS). */
  pick: { connector: string; upTo: number }[];
  methods: Set<RoutablePaymentMethodType>;
}

function compileTarget(target: RoutingTarget, param: string, where: string, byName: Map<string, RoutableConnector>, livemode: boolean): CompiledTarget {
  const entries = "connector" in target ? [{ connector: target.connector, weight: 100 }] : target.split;
  const path = (i: number) => ("connector" in target ? `${param}[connector]` : `${param}[split][${i}][connector]`);
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (!byName.has(e.connector)) {
      const names = [...byName.keys()].join(", ") || "none";
      throw invalid(path(i), `${where} names connector '${e.connector}', which is not available in ${livemode ? "live" : "test"} mode (available: ${names}).`);
    }
    if (seen.has(e.connector)) throw invalid(path(i), `${where} names connector '${e.connector}' twice in one split.`);
    seen.add(e.connector);
  });
  const total = entries.reduce((sum, e) => sum + e.weight, 0);
  if (total !== 100) throw invalid(`${param}[split]`, `${where}: the split's weights add up to ${total}; they must add up to 100.`);
  let upTo = 0;
  const pick = entries.map((e) => ({ connector: e.connector, upTo: (upTo += e.weight * (SPLIT_BUCKETS / 100)) }));
  // The methods every connector of the route takes (a split must be able to send a payment either way).
  const methods = new Set(entries.flatMap((e) => byName.get(e.connector)!.methods));
  for (const e of entries) for (const m of [...methods]) if (!byName.get(e.connector)!.methods.includes(m)) methods.delete(m);
  return { pick, methods };
}

function compileConditions(when: RoutingConditions, param: string, where: string): (f: RoutingFacts) => boolean {
  const checks: ((f: RoutingFacts) => boolean)[] = [];
  if (when.currency) {
    const set = new Set(when.currency);
    checks.push((f) => set.has(f.currency));
  }
  if (when.amount_gte !== undefined && when.amount_lt !== undefined && when.amount_gte >= when.amount_lt) {
    throw invalid(
      `${param}[amount_lt]`,
      `${where}: amount_lt (${when.amount_lt}) must be greater than amount_gte (${when.amount_gte}), or no payment matches.`,
    );
  }
  if (when.amount_gte !== undefined) {
    const min = BigInt(when.amount_gte);
    checks.push((f) => f.amount >= min);
  }
  if (when.amount_lt !== undefined) {
    const max = BigInt(when.amount_lt);
    checks.push((f) => f.amount < max);
  }
  if (when.payment_method_type) {
    const set = new Set(when.payment_method_type);
    checks.push((f) => set.has(f.paymentMethodType));
  }
  const cardConditions = when.card_brand || when.card_country || when.bin;
  if (cardConditions && when.payment_method_type && !when.payment_method_type.includes("card")) {
    throw invalid(`${param}[payment_method_type]`, `${where} has card conditions but payment_method_type excludes card, so no payment matches.`);
  }
  if (when.card_brand) {
    const set = new Set<string>(when.card_brand);
    checks.push((f) => f.card?.brand != null && set.has(f.card.brand));
  }
  if (when.card_country) {
    const set = new Set(when.card_country);
    checks.push((f) => f.card?.country != null && set.has(f.card.country));
  }
  if (when.bin) {
    const prefixes = when.bin;
    checks.push((f) => {
      const bin = f.card?.bin;
      return bin != null && prefixes.some((p) => bin.startsWith(p));
    });
  }
  return (f) => {
    for (const check of checks) if (!check(f)) return false;
    return true;
  };
}

/**
 * Checks a routing document against the connectors of its mode and turns it into a function that routes
 * a payment in microseconds (no I/O, no allocation beyond the answer). Throws routing_rule_invalid naming
 * the parameter (`rules[2][route][connector]`) for a reference error. The router answers null when no
 * route can take the payment's method (the caller then uses the mode's built-in processor).
 */
export function compileRouting(doc: RoutingRules, available: RoutableConnector[], livemode: boolean): Router {
  const byName = new Map(available.map((c) => [c.name, c]));
  const rules = doc.rules.map((rule, index) => {
    const where = `rules[${index}]${rule.name ? ` ('${rule.name}')` : ""}`;
    const route = compileTarget(rule.route, `rules[${index}][route]`, where, byName, livemode);
    for (const m of rule.when.payment_method_type ?? []) {
      if (!route.methods.has(m)) throw invalid(`rules[${index}][route]`, `${where} routes ${m} payments to a connector that does not take ${m}.`);
    }
    return { index, name: rule.name ?? null, matches: compileConditions(rule.when, `rules[${index}][when]`, where), route };
  });
  const fallback = compileTarget(doc.default, "default", "default", byName, livemode);

  const chain = (route: CompiledTarget, first: string, method: RoutablePaymentMethodType): string[] => {
    const out = [first];
    for (const { connector } of [...route.pick, ...fallback.pick]) {
      if (!out.includes(connector) && byName.get(connector)!.methods.includes(method)) out.push(connector);
    }
    return out;
  };
  const choose = (route: CompiledTarget, facts: RoutingFacts): string => {
    if (route.pick.length === 1) return route.pick[0]!.connector;
    const bucket = splitBucket(facts.paymentId);
    return (route.pick.find((p) => bucket < p.upTo) ?? route.pick.at(-1)!).connector;
  };

  return (facts) => {
    for (const rule of rules) {
      if (!rule.route.methods.has(facts.paymentMethodType) || !rule.matches(facts)) continue;
      const connector = choose(rule.route, facts);
      return { connector, rule: { index: rule.index, name: rule.name }, candidates: chain(rule.route, connector, facts.paymentMethodType) };
    }
    if (!fallback.methods.has(facts.paymentMethodType)) return null;
    const connector = choose(fallback, facts);
    return { connector, rule: null, candidates: chain(fallback, connector, facts.paymentMethodType) };
  };
}
