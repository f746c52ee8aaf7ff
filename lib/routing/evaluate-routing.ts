import { z } from "zod";
import { amountSchema } from "@/lib/payments/inputs";
import { executor, type ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { connectorNameFor } from "@/lib/payments/connector";
import { KassaError } from "@/lib/service/errors";
import { compileRouting, type RoutingFacts } from "./compile";
import { routableConnectors } from "./connectors";
import { loadRouting } from "./load-routing";
import type { RoutingDecisionObject } from "./routing-object";
import { CARD_BRANDS, currency, ROUTABLE_PAYMENT_METHOD_TYPES, RoutingRulesInput } from "./rules";
import { cardFacts } from "./route-payment";

export const EvaluateRoutingInput = z.strictObject({
  amount: amountSchema,
  currency,
  payment_method_type: z.enum(ROUTABLE_PAYMENT_METHOD_TYPES).optional(),
  /** A test card (pm_card_visa …): its brand, country and BIN. */
  payment_method: z.string().min(1).max(255).optional(),
  card_brand: z.enum(CARD_BRANDS).optional(),
  card_country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter country code")
    .transform((s) => s.toUpperCase())
    .optional(),
  bin: z
    .string()
    .regex(/^\d{6,8}$/, "must be 6 to 8 digits")
    .optional(),
  /** A draft to try before saving it (the dashboard's editor); without it, the saved rules. */
  rules: RoutingRulesInput.optional(),
  /** The payment id a split hashes (a fresh one when left out): the same id always splits the same way. */
  payment: z.string().min(1).max(255).optional(),
});

/**
 * POST /api/v1/routing_rules/evaluate — "which connector would this payment use": the saved rules (or a
 * draft) applied to a described payment, with the rule that matched and the failover order. Changes nothing.
 */
export async function evaluateRouting({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RoutingDecisionObject> {
  requirePermission(ctx, "routing:read");
  const data = parseWith(EvaluateRoutingInput, input);
  const card = data.payment_method ? cardFacts(data.payment_method) : null;
  const facts: RoutingFacts = {
    paymentId: data.payment ?? newId("payment"),
    amount: BigInt(data.amount),
    currency: data.currency,
    paymentMethodType: data.payment_method_type ?? "card",
    card: {
      brand: data.card_brand ?? card?.brand ?? null,
      country: data.card_country ?? card?.country ?? null,
      bin: data.bin ?? card?.bin ?? null,
    },
  };
  const saved = data.rules ? null : await loadRouting(await executor(ctx), ctx);
  const doc = data.rules ?? saved?.rules;
  const decision = doc ? compileRouting(doc, routableConnectors(ctx.livemode), ctx.livemode)(facts) : null;
  if (decision) {
    return { object: "routing_decision", livemode: ctx.livemode, ...decision, version: saved?.version ?? null, built_in: false };
  }
  if (facts.paymentMethodType !== "card") {
    throw new KassaError("payment_method_unsupported", `No rule routes ${facts.paymentMethodType} payments to a connector that takes them.`, {
      param: "payment_method_type",
    });
  }
  // No rule applies: the mode's own processor (live mode without one refuses, as a payment would).
  const connector = connectorNameFor(ctx);
  return { object: "routing_decision", livemode: ctx.livemode, connector, rule: null, candidates: [connector], version: null, built_in: true };
}
