// Routing rules: the API's operations (lib/openapi/operations.ts)
import { EvaluateRoutingInput } from "@/lib/routing/evaluate-routing";
import { RoutingRulesInput } from "@/lib/routing/rules";
import type { OperationEntries } from "../operation-types";

export const routingOperations = {
  "GET /api/v1/routing_rules": {
    summary: "Retrieve the routing rules",
    description: "The mode's routing rules, their version, and the connectors they may name.",
    tag: "Routing",
    auth: "secret",
    permission: "routing:read",
    response: "RoutingRules",
    idempotent: false,
  },
  "POST /api/v1/routing_rules": {
    summary: "Replace the routing rules",
    description:
      "Replaces the mode's rules whole: ordered rules on currency, amount, payment method type, card brand, card country and BIN, each naming a connector or a weighted split (weights adding up to 100), then a default. A rule naming a connector the mode lacks, a split not adding up to 100 or a range no payment fits is refused with `routing_rule_invalid` naming its parameter.",
    tag: "Routing",
    auth: "secret",
    permission: "routing:write",
    body: RoutingRulesInput,
    response: "RoutingRules",
    errors: ["routing_rule_invalid"],
    idempotent: true,
  },
  "POST /api/v1/routing_rules/evaluate": {
    summary: "Test the routing rules",
    description:
      "Which connector a described payment would use under the saved rules (or a draft in `rules`), the rule that matched, and the failover order. Changes nothing.",
    tag: "Routing",
    auth: "secret",
    permission: "routing:read",
    body: EvaluateRoutingInput,
    response: "RoutingDecision",
    errors: ["routing_rule_invalid", "payment_method_unsupported", "processor_unavailable"],
    idempotent: false,
  },
} as const satisfies OperationEntries;
