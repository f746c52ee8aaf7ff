import { getDatabaseHandle, type Database } from "@/db/client";
import { demoSeedAllowed, seedDemo } from "@/lib/demo/seed";
import { demoPaymentCount, seedDemoPayments } from "@/lib/demo/seed-payments";
import { connectorNameFor } from "@/lib/payments/connector";
import { assertPublicUrlConfigured, publicBaseUrl } from "@/lib/public-url";
import { devUrls } from "@/lib/dev-addresses";
import { systemActor } from "@/lib/service/context";
import { reapIdempotencyKeys } from "@/lib/service/idempotency";
import { logger } from "@/lib/logger";
import { startHeartbeat } from "@/lib/server-instance";
import { startOutboxRelay } from "@/lib/events/outbox-relay";
import { workflowEngineUrl } from "@/lib/health/check-health";
import { localExecutorWanted, startLocalEngine } from "@/lib/workflows/local-engine";

const REAP_EVERY_MS = 60 * 60 * 1000;

/** Migrations (inside getDatabaseHandle), the demo seed, the workflow executor and the outbox relay. */
export async function startServer(): Promise<void> {
  try {
    assertPublicUrlConfigured();
  } catch (error) {
    // Refuse to start at all rather than serve links built from whatever Host a request claims.
    logger.fatal({ err: error }, (error as Error).message);
    console.error((error as Error).message);
    process.exit(1);
  }
  const handle = await getDatabaseHandle();
  let demoMerchant: string | null = null;
  logger.info({ driver: handle.driver }, "database ready");
  // Other instances take over this process's idempotency locks as soon as its heartbeat stops.
  await startHeartbeat(handle.db);
  if (demoSeedAllowed()) {
    const demo = await seedDemo(handle.db);
    if (demo) {
      const urls = bannerUrls();
      const url = urls[0]!;
      // Printed once, on the first start, for the person running the portal; never logged again.
      console.log(
        [
          "",
          "  Kassa demo merchant created",
          ...(urls.length === 1 ? [`  Open ${url}/login`] : ["  Open the dashboard at any of:", ...urls.map((u) => `    ${u}/login`)]),
          `  and sign in as ${demo.email} / ${demo.password}`,
          `  Test secret key:      ${demo.secretKey}`,
          `  Test publishable key: ${demo.publishableKey}`,
          `  Try: curl ${url}/api/v1/account -H "Authorization: Bearer ${demo.secretKey}"`,
          ...(demoPaymentCount() > 0 ? [`  Adding ${demoPaymentCount()} demo payments over the last 90 days in the background…`] : []),
          "",
        ].join("\n"),
      );
      demoMerchant = demo.merchantId;
    }
  }
  if (localExecutorWanted()) await startLocalEngine(handle.db, process.env.PORT ?? 3000);
  if (workflowEngineUrl()) {
    const { sendToInngest } = await import("@/inngest/send");
    startOutboxRelay(sendToInngest);
    logger.info({ engine: workflowEngineUrl() }, "outbox relay started");
  }
  if (demoMerchant) seedDemoPaymentsInBackground(handle.db, demoMerchant);
  if (workflowEngineUrl()) return;
  // No workflow engine at all (KASSA_LOCAL_EXECUTOR=false and no Inngest): the daily reaper cron
  // cannot run, so reap here instead.
  const timer = setInterval(() => {
    reapIdempotencyKeys(handle.db)
      .then((n) => n > 0 && logger.info({ deleted: n }, "reaped idempotency keys"))
      .catch((err) => logger.warn({ err }, "idempotency reaper failed"));
  }, REAP_EVERY_MS);
  timer.unref();
}

/**
 * Where the person who just started Kassa can open it: KASSA_URL when set; in development every
 * address the dev server answers at (localhost, 127.0.0.1, the LAN) on the port in use.
 */
function bannerUrls(): string[] {
  if (process.env.KASSA_URL || process.env.NODE_ENV === "production") return [publicBaseUrl()];
  // next dev sets PORT to the port it took and __NEXT_PRIVATE_ORIGIN to the host it was bound to.
  return devUrls(process.env.PORT ?? 3000, process.env.__NEXT_PRIVATE_ORIGIN);
}

/** After the executor and relay are up, so the first start stays fast; the overview fills in as it runs. */
function seedDemoPaymentsInBackground(db: Database, merchantId: string): void {
  const count = demoPaymentCount();
  if (count === 0) return;
  if (connectorNameFor({ livemode: false }) !== "sandbox") {
    // Thousands of demo charges must never go to a real processor account.
    logger.info("demo payments skipped: test mode goes to Stripe (set KASSA_TEST_MODE_PROCESSOR=sandbox to seed them)");
    return;
  }
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db };
  void seedDemoPayments(db, ctx, { count })
    .then((n) => logger.info({ payments: n }, "demo payments seeded"))
    .catch((err: unknown) => logger.warn({ err }, "demo payment seed stopped"));
}
