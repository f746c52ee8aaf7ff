// The API's `radar.rule`, `radar.value_list`, `radar.value_list_item` and `review` (lib/fraud/radar-serialize.ts
// and serialize-review.ts type their answers by these).
import { FRAUD_LIST_ITEM_TYPES, FRAUD_RULE_ACTIONS, REVIEW_CLOSED_REASONS } from "@/db/schema/fraud";
import { embeddedList, idOf, livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const RadarRuleObject = z
  .strictObject({
    id: idOf("fraudRule"),
    object: z.literal("radar.rule"),
    action: z.enum(FRAUD_RULE_ACTIONS),
    source: z.string().openapi({ description: "The rule's text, e.g. `risk_score > 80`." }),
    status: z.enum(["active", "disabled"]),
    version: z.int(),
    replaces: idOf("fraudRule").nullable().openapi({ description: "The earlier version this one replaced." }),
    livemode: livemode(),
    created: unixTime("Created"),
    updated: unixTime("Last changed"),
  })
  .openapi("RadarRule", { description: "A merchant's fraud rule, one version of it." });

export const RadarValueListItemObject = z
  .strictObject({
    id: idOf("fraudListItem"),
    object: z.literal("radar.value_list_item"),
    value: z.string().openapi({ description: "Lower-cased." }),
    value_list: idOf("fraudList"),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("RadarValueListItem", { description: "One value of a list." });

export const RadarValueListObject = z
  .strictObject({
    id: idOf("fraudList"),
    object: z.literal("radar.value_list"),
    alias: z.string().openapi({ description: "The name rules use as @alias." }),
    name: z.string(),
    item_type: z.enum(FRAUD_LIST_ITEM_TYPES),
    list_items: embeddedList(RadarValueListItemObject, "The newest items; the rest through its url."),
    livemode: livemode(),
    created: unixTime("Created"),
  })
  .openapi("RadarValueList", { description: "An allow or block list used by rules." });

export const ReviewObject = z
  .strictObject({
    id: idOf("review"),
    object: z.literal("review"),
    payment: idOf("payment"),
    open: z.boolean(),
    reason: z.string().openapi({ description: "Why it was opened: the rule's id or risk_score." }),
    risk_score: z.int(),
    closed_reason: z.enum(REVIEW_CLOSED_REASONS).nullable(),
    created: unixTime("Opened"),
    closed_at: unixTime("Closed").nullable(),
    livemode: livemode(),
  })
  .openapi("Review", { description: "A payment held for the merchant's decision." });
