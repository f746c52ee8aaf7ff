import { inngest } from "../client";
import { getDb } from "@/db/client";
import { reapIdempotencyKeys } from "@/lib/api/idempotency";

/** Daily: delete idempotency keys older than 24 hours. */
export const reapIdempotencyKeysFn = inngest.createFunction(
  { id: "reap-idempotency-keys", triggers: [{ cron: "17 3 * * *" }], retries: 3 },
  async ({ step }) => {
    const deleted = await step.run("reap", async () => reapIdempotencyKeys(await getDb()));
    return { deleted };
  },
);
