import { inngest } from "../client";
import { getDb } from "@/db/client";
import { releaseAvailableFunds } from "@/lib/ledger/release-available-funds";

/** Every 15 minutes: move funds whose `available_on` has passed from pending to available. */
export const releaseAvailableFundsFn = inngest.createFunction(
  { id: "release-available-funds", triggers: [{ cron: "*/15 * * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ step }) => step.run("release", async () => releaseAvailableFunds({ db: await getDb() })),
);
