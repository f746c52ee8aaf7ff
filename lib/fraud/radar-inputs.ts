import { z } from "zod";
import { FRAUD_LIST_ITEM_TYPES, FRAUD_RULE_ACTIONS } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";

/** The whole rule, `block if …`; its length and grammar are the parser's to judge (400 rule_invalid naming the column). */
const source = z.string();

export const CreateRuleInput = z.strictObject({ source, action: z.enum(FRAUD_RULE_ACTIONS).optional() });
export const UpdateRuleInput = z.strictObject({ source, action: z.enum(FRAUD_RULE_ACTIONS).optional() });
export const BacktestRuleInput = z.strictObject({ source });
export const ListRulesQuery = z.strictObject({ ...listParams, status: z.enum(["active", "disabled"]).optional() });

export const VALUE_LIST_ALIAS = /^[a-z0-9_]{1,100}$/;
export const CreateValueListInput = z.strictObject({
  alias: z.string().regex(VALUE_LIST_ALIAS, "an alias is 1 to 100 lowercase letters, digits and underscores"),
  name: z.string().trim().min(1).max(100),
  item_type: z.enum(FRAUD_LIST_ITEM_TYPES),
});
export const ListValueListsQuery = z.strictObject({ ...listParams, alias: z.string().max(100).optional() });

export const CreateValueListItemInput = z.strictObject({
  /** The list's id (`rsl_…`), or its alias (a default `block_<attr>` / `allow_<attr>` list is created on first use). */
  value_list: z.string().min(1).max(255),
  value: z.string().min(1).max(800),
});
export const ListValueListItemsQuery = z.strictObject({ ...listParams, value_list: z.string().min(1).max(255), value: z.string().max(800).optional() });
