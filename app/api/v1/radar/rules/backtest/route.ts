// POST /api/v1/radar/rules/backtest — what a draft rule would have matched in the last 30 days (nothing stored)
import { withApiKey } from "@/lib/http/with-api-key";
import { backtestRule } from "@/lib/fraud/backtest-rule";
import { BacktestRuleInput } from "@/lib/fraud/radar-inputs";

export const POST = withApiKey({ route: "/api/v1/radar/rules/backtest", body: BacktestRuleInput }, ({ ctx, body }) => backtestRule({ ctx, input: body }));
