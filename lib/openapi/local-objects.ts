// Answers that are not one of the API's objects (lib/openapi/objects.ts): a backtest's report, a
// replay's count and a test send's delivery stub. Described here from what their verbs return.
import { z } from "zod";

export const LocalObjectSchemas = {
  /** POST /api/v1/radar/rules/backtest (lib/fraud/backtest-rule.ts). */
  RuleBacktest: z.looseObject({
    object: z.literal("radar.rule_backtest"),
    action: z.string(),
    source: z.string(),
    since: z.number().int(),
    until: z.number().int(),
    evaluated: z.number().int(),
    matched: z.number().int(),
    matched_by_outcome: z.record(z.string(), z.number().int()),
    amount: z.looseObject({
      by_currency: z.array(z.looseObject({ currency: z.string(), amount: z.number().int() })),
      total_in_usd: z.number().int(),
    }),
    examples: z.array(z.looseObject({ id: z.string(), amount: z.number().int(), currency: z.string(), created: z.number().int() })),
    truncated: z.boolean(),
    max_assessments: z.number().int(),
  }),
  /** POST /api/v1/webhook_endpoints/:id/replay (lib/webhooks/replay-failed-deliveries.ts). */
  ReplayResult: z.looseObject({ object: z.literal("list"), replayed: z.number().int() }),
  /** POST /api/v1/webhook_endpoints/:id/test (lib/webhooks/send-test-event.ts): the delivery queued. */
  TestDelivery: z.looseObject({ id: z.string(), object: z.literal("webhook_delivery"), event: z.string(), status: z.string() }),
  /** GET /api/v1/openapi.json: this document. */
  OpenApiDocument: z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
} as const;

export type LocalObjectName = keyof typeof LocalObjectSchemas;
