import { integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { RoutingRules } from "../../lib/routing/rules";
import { primaryId, tenant, timestamps } from "./columns";

/**
 * A merchant's routing rules for one mode (lib/routing): one row, replaced whole on each change, its
 * version counting up. An attempt records the version and rule that routed it. No row: the mode's built-in
 * processor takes every payment.
 */
export const routingConfigs = pgTable(
  "routing_configs",
  {
    id: primaryId(),
    ...tenant,
    version: integer().notNull(),
    rules: jsonb().$type<RoutingRules>().notNull(),
    /** Who made this version (user or key id). */
    updatedBy: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.merchantId, t.livemode)],
);
export type RoutingConfigRow = typeof routingConfigs.$inferSelect;

/** How an attempt was routed: the rules' version, the rule that matched (null: the default), the failover order. */
export interface AttemptRouting {
  version: number;
  rule: { index: number; name: string | null } | null;
  candidates: string[];
}
