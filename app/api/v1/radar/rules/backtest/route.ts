// POST /api/v1/radar/rules/backtest — what a draft rule would have matched in the last 30 days (nothing stored)
import { withApiKey } from "@/lib/http/with-api-key";
import { operation } from "@/lib/openapi/operations";
import { backtestRule } from "@/lib/fraud/backtest-rule";

export const POST = withApiKey(operation("POST /api/v1/radar/rules/backtest"), ({ ctx, body }) => backtestRule({ ctx, input: body }));
