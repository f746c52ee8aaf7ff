import { inngest } from "../client";
import { getDb } from "@/db/client";
import { deleteOldRequestLogs } from "@/lib/request-logs/delete-old-request-logs";

const BATCH = 5000;
const MAX_BATCHES = 400;

/** Daily: request logs older than 30 days deleted, 5,000 rows a step, until a batch comes back short. */
export const requestLogRetentionFn = inngest.createFunction(
  { id: "request-log-retention", triggers: [{ cron: "43 4 * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ step }) => {
    let deleted = 0;
    for (let i = 1; i <= MAX_BATCHES; i++) {
      const n = await step.run(`delete-${i}`, async () => deleteOldRequestLogs({ db: await getDb(), batch: BATCH }));
      deleted += n;
      if (n < BATCH) break;
    }
    return { deleted };
  },
);
