import { inngest } from "../client";
import { getDb } from "@/db/client";
import { compactRollups } from "@/lib/overview/compact-rollups";

/** Hourly: fold the rollup shards of days before today into one row per key (lib/overview/compact-rollups.ts). */
export const compactRollupsFn = inngest.createFunction(
  { id: "compact-rollups", triggers: [{ cron: "11 * * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ step }) => step.run("compact", async () => compactRollups({ db: await getDb() })),
);
