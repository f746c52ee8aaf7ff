import { inngest } from "../client";
import { getDb } from "@/db/client";
import { sweepDueEscrows } from "@/lib/escrow/release-due-escrow";

/** Every 15 minutes: held escrows past their release time whose timer run was lost, released (idempotent with the timer). */
export const escrowReleaseSweepFn = inngest.createFunction(
  { id: "escrow-release-sweep", triggers: [{ cron: "*/15 * * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ step }) => step.run("sweep", async () => sweepDueEscrows({ db: await getDb() })),
);
