import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fraudLists, type FraudListItemType, type FraudListRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { parseRule, type ParsedRule, type RuleExpr } from "./rules";
import { defaultList } from "./default-lists";

/** The list type an attribute's values are (`:card_country: in @x` needs a country list); others take any list. */
const ATTRIBUTE_ITEM_TYPE: Partial<Record<string, FraudListItemType>> = {
  card_fingerprint: "card_fingerprint",
  email: "email",
  ip_address: "ip_address",
  vpa: "vpa",
  card_bin: "card_bin",
  customer: "customer",
  card_country: "country",
  ip_country: "country",
};

/** "at column 7" as the parser says it, for errors found after parsing. */
function where(source: string, position: number): string {
  const before = source.slice(0, position);
  const column = position - (before.lastIndexOf("\n") + 1) + 1;
  return source.includes("\n") ? `at line ${before.split("\n").length}, column ${column}` : `at column ${column}`;
}

function aliasUses(expr: RuleExpr, out: { alias: string; attribute: string; position: number }[] = []) {
  if (expr.kind === "and" || expr.kind === "or") {
    aliasUses(expr.left, out);
    aliasUses(expr.right, out);
  } else if (expr.kind === "not") aliasUses(expr.operand, out);
  else if (expr.kind === "in" && expr.set.kind === "alias") out.push({ alias: expr.set.alias, attribute: expr.attribute, position: expr.position });
  return out;
}

/**
 * A rule's source as the API takes it: it parses (else 400 rule_invalid with the parser's message, which names the
 * column), its action agrees with `action` when one is given, and every `@alias` it reads is one of the merchant's
 * lists in this mode (or a default `block_<attr>` / `allow_<attr>` list, which may not exist yet) holding the kind
 * of value the attribute compared with it is. Returns the parsed rule.
 */
export async function checkRuleSource(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  source: string,
  action?: string,
): Promise<ParsedRule> {
  const parsed = parseRule(source);
  if (!parsed.ok) throw new KassaError("rule_invalid", `Invalid rule: ${parsed.error.message}.`, { param: "source" });
  const rule = parsed.rule;
  if (action !== undefined && action !== rule.action) {
    throw new KassaError("parameter_invalid", `Invalid action: '${action}' does not match the rule, which says '${rule.action} if …'.`, { param: "action" });
  }
  const uses = aliasUses(rule.condition);
  if (uses.length === 0) return rule;
  const rows = await db
    .select()
    .from(fraudLists)
    .where(and(eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.livemode, ctx.livemode), inArray(fraudLists.alias, [...rule.aliases])));
  const byAlias = new Map<string, Pick<FraudListRow, "itemType">>(rows.map((r) => [r.alias, r]));
  for (const use of uses) {
    const list = byAlias.get(use.alias) ?? defaultList(use.alias);
    if (!list) {
      throw new KassaError("rule_invalid", `Invalid rule: no list @${use.alias} ${where(source, use.position)} (create it first, or check the alias).`, {
        param: "source",
      });
    }
    const wanted = ATTRIBUTE_ITEM_TYPE[use.attribute];
    if (wanted && wanted !== list.itemType) {
      throw new KassaError(
        "rule_invalid",
        `Invalid rule: @${use.alias} holds ${list.itemType} values, so :${use.attribute}: is never in it ${where(source, use.position)} (use a ${wanted} list).`,
        { param: "source" },
      );
    }
  }
  return rule;
}
