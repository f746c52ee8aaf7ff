import { inngest } from "../client";
import { getDb } from "@/db/client";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";

/**
 * Every minute: the failure and processor-timeout rates of the last 15 minutes per merchant and mode
 * with traffic; alerts open and clear (alert.opened / alert.resolved). One run at a time; a run that
 * overlaps another changes nothing twice (one open alert per kind).
 */
export const alertEvaluateFn = inngest.createFunction(
  { id: "alert-evaluate", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) => step.run("evaluate", async () => evaluateAlerts({ db: await getDb() })),
);
