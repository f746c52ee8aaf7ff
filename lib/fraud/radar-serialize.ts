import type { FraudListItemRow, FraudListRow, FraudRuleRow } from "@/db/schema";
import type { z } from "zod";
import type { RadarRuleObject as RuleSchema, RadarValueListItemObject as ListItemSchema, RadarValueListObject as ListSchema } from "./radar-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** The API's `radar.rule`: a merchant's rule in one mode, one version of it. */
export function serializeRule(r: FraudRuleRow) {
  return {
    id: r.id,
    object: "radar.rule" as const,
    action: r.action,
    source: r.source,
    status: r.status,
    version: r.version,
    /** The earlier version this one replaced. */
    replaces: r.replaces,
    livemode: r.livemode,
    created: unix(r.createdAt),
    updated: unix(r.updatedAt),
  } satisfies z.input<typeof RuleSchema>;
}
export type RuleObject = ReturnType<typeof serializeRule>;

/** The API's `radar.value_list_item` (Stripe's shape). */
export function serializeListItem(i: FraudListItemRow) {
  return {
    id: i.id,
    object: "radar.value_list_item" as const,
    value: i.value,
    value_list: i.listId,
    livemode: i.livemode,
    created: unix(i.createdAt),
  } satisfies z.input<typeof ListItemSchema>;
}
export type ListItemObject = ReturnType<typeof serializeListItem>;

/** The API's `radar.value_list` (Stripe's shape): `list_items` holds the newest items, the rest through its `url`. */
export function serializeList(l: FraudListRow, items: { data: FraudListItemRow[]; hasMore: boolean } = { data: [], hasMore: false }) {
  return {
    id: l.id,
    object: "radar.value_list" as const,
    alias: l.alias,
    name: l.name,
    item_type: l.itemType,
    list_items: {
      object: "list" as const,
      data: items.data.map(serializeListItem),
      has_more: items.hasMore,
      url: `/api/v1/radar/value_list_items?value_list=${l.id}`,
    },
    livemode: l.livemode,
    created: unix(l.createdAt),
  } satisfies z.input<typeof ListSchema>;
}
export type ListObject = ReturnType<typeof serializeList>;
