import { inngest } from "../client";
import { getDb } from "@/db/client";
import { reapIdempotencyKeys } from "@/lib/service/idempotency";
import { reapLoginSessions } from "@/lib/login-sessions/check-login-session";
import { reapFraudCounters } from "@/lib/fraud/reap-fraud-counters";

/** Daily: delete idempotency keys older than 24 hours, login sessions unused for 30 days, and fraud counters past their window. */
export const reapIdempotencyKeysFn = inngest.createFunction(
  { id: "reap-idempotency-keys", triggers: [{ cron: "17 3 * * *" }], retries: 3 },
  async ({ step }) => {
    const deleted = await step.run("reap", async () => reapIdempotencyKeys(await getDb()));
    await step.run("reap-login-sessions", async () => reapLoginSessions(await getDb()));
    await step.run("reap-fraud-counters", async () => reapFraudCounters(await getDb()));
    return { deleted };
  },
);
