// The API's `routing_rules` and `routing_decision` (lib/routing/get-routing-rules.ts and evaluate-routing.ts type their answers by these).
import { livemode, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";
import { ROUTABLE_PAYMENT_METHOD_TYPES, RoutingRule, RoutingTarget } from "./rules";

const RuleRef = z
  .strictObject({ index: z.int().openapi({ description: "The rule's place in `rules`, from 0." }), name: z.string().nullable() })
  .openapi({ description: "The rule that matched; null when the default routed the payment." });

export const RoutingRulesObject = z
  .strictObject({
    object: z.literal("routing_rules"),
    livemode: livemode(),
    version: z
      .int()
      .openapi({ description: "Counts up on every change; 0 until rules are first saved. Each payment attempt records the version that routed it." }),
    rules: z.array(RoutingRule),
    default: RoutingTarget.nullable().openapi({
      description: "Where a payment no rule matches goes; until rules are saved, the mode's built-in processor (null when the mode has none).",
    }),
    connectors: z
      .array(z.strictObject({ name: z.string(), payment_method_types: z.array(z.enum(ROUTABLE_PAYMENT_METHOD_TYPES)) }))
      .openapi({ description: "The connectors rules may name in this mode, and the payment methods each takes." }),
    updated_at: unixTime("Last changed").nullable(),
  })
  .openapi("RoutingRules", { description: "A mode's routing rules: ordered conditions, each naming a connector or a weighted split, then a default." });

export const RoutingDecisionObject = z
  .strictObject({
    object: z.literal("routing_decision"),
    livemode: livemode(),
    connector: z.string().openapi({ description: "The connector the payment would use." }),
    rule: RuleRef.nullable(),
    candidates: z.array(z.string()).openapi({ description: "Failover order: the connectors tried next if one is unavailable." }),
    version: z.int().nullable().openapi({ description: "The rules' version that decided; null for a draft or the built-in processor." }),
    built_in: z.boolean().openapi({ description: "true when no rule applies and the mode's built-in processor takes the payment." }),
  })
  .openapi("RoutingDecision", { description: "Which connector a payment would use, and why." });

export type RoutingRulesObject = z.input<typeof RoutingRulesObject>;
export type RoutingDecisionObject = z.input<typeof RoutingDecisionObject>;
