import { inngest } from "../client";
import { getDb } from "@/db/client";
import { reapIdempotencyKeys } from "@/lib/service/idempotency";
import { reapLoginSessions } from "@/lib/login-sessions/check-login-session";

/** Daily: delete idempotency keys older than 24 hours, and login sessions unused for 30 days. */
export const reapIdempotencyKeysFn = inngest.createFunction(
  { id: "reap-idempotency-keys", triggers: [{ cron: "17 3 * * *" }], retries: 3 },
  async ({ step }) => {
    const deleted = await step.run("reap", async () => reapIdempotencyKeys(await getDb()));
    await step.run("reap-login-sessions", async () => reapLoginSessions(await getDb()));
    return { deleted };
  },
);
