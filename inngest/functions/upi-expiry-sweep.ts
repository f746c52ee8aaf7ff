import { inngest } from "../client";
import { getDb } from "@/db/client";
import { sweepExpiredUpiPayments } from "@/lib/upi/sweep-expired-upi-payments";

/** Every 15 minutes: UPI payments still pending past their expiry (a lost poll run) are checked and expired. */
export const upiExpirySweepFn = inngest.createFunction(
  { id: "upi-expiry-sweep", triggers: [{ cron: "*/15 * * * *" }], concurrency: { limit: 1 }, retries: 3 },
  async ({ step }) => step.run("sweep", async () => sweepExpiredUpiPayments({ db: await getDb() })),
);
