import { getDatabaseHandle, type Database } from "@/db/client";
import { demoSeedAllowed, seedDemo, type DemoSeed } from "@/lib/demo/seed";
import { warmUp } from "@/lib/demo/warm-up";
import { demoPaymentCount, seedDemoPayments } from "@/lib/demo/seed-payments";
import { seedDemoProducts } from "@/lib/demo/seed-products";
import { demoSubscriptionCount, seedDemoSubscriptions } from "@/lib/demo/seed-subscriptions";
import { seedDemoFraud } from "@/lib/demo/seed-fraud";
import { recordDemoSeed, unfinishedDemoSeed, unfinishedDemoSeedMessage, type DemoDataCounts } from "@/lib/demo/unfinished-seed";
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

/**
 * What register() waits for: under `next start`, the whole start. `next dev` holds every request
 * until register() returns and compiles a route only once its request is let through, so there it
 * returns at once: the first requests' routes compile while the database is made (PGlite's first
 * start takes seconds), and they wait for the database handle itself.
 */
export function startServerFromRegister(): Promise<void> {
  const starting = startServer();
  if (process.env.NODE_ENV !== "development") return starting;
  starting.catch((error: unknown) => {
    logger.fatal({ err: error }, "Kassa could not start");
    console.error("Kassa could not start:", error);
    process.exit(1);
  });
  return Promise.resolve();
}

/** Migrations (inside getDatabaseHandle), the demo merchant, the workflow executor and the outbox relay, then the banner; demo subscriptions and payments and (in development) the warm-up after. */
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
  logger.info({ driver: handle.driver }, "database ready");
  // Other instances take over this process's idempotency locks as soon as its heartbeat stops.
  await startHeartbeat(handle.db);
  // Everything a first request would otherwise wait for happens before the banner: the migrations
  // (above), the demo merchant, the workflow executor and the outbox relay.
  const demo = demoSeedAllowed() ? await seedDemo(handle.db) : null;
  if (localExecutorWanted()) await startLocalEngine(handle.db, process.env.PORT ?? 3000);
  if (workflowEngineUrl()) {
    const { sendToInngest } = await import("@/inngest/send");
    startOutboxRelay(sendToInngest);
    logger.info({ engine: workflowEngineUrl() }, "outbox relay started");
  }
  const warming = process.env.NODE_ENV === "development" && process.env.KASSA_DEV_WARM_UP !== "false";
  if (demo) {
    const seeding = demoDataWanted();
    // Printed once, on the first start, for the person running the portal; never logged again. The
    // last thing the start prints: the portal answers from here on, while the demo data is written.
    console.log(firstStartBanner(demo, bannerUrls(), seeding, warming));
    seedDemoDataInBackground(handle.db, demo.merchantId, seeding);
  } else if (demoSeedAllowed()) {
    // A first start stopped while it wrote the demo data (Ctrl-C in the first minutes) left a partial demo.
    void unfinishedDemoSeed(handle.db)
      .then((unfinished) => {
        if (!unfinished) return;
        logger.warn({ payments: unfinished.payments, of: unfinished.wanted.payments }, "demo data not complete: the first start was stopped while writing it");
        console.log(unfinishedDemoSeedMessage(unfinished));
      })
      .catch((err: unknown) => logger.warn({ err }, "could not check the demo data"));
  }
  // After register() returns: next dev holds every request until then.
  if (warming) setTimeout(() => void warmDevRoutes(), 0);
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

/** The banner of the first start: where to sign in, the demo's keys, and what still happens meanwhile. */
export function firstStartBanner(demo: DemoSeed, urls: string[], seeding: DemoDataCounts, warming: boolean): string {
  const url = urls[0]!;
  const adding = [
    ...(seeding.subscriptions > 0 ? [`${seeding.subscriptions} demo subscriptions`] : []),
    ...(seeding.payments > 0 ? [`${seeding.payments} demo payments`] : []),
  ];
  return [
    "",
    "  Kassa demo merchant created",
    ...(urls.length === 1 ? [`  Open ${url}/login`] : ["  Open the dashboard at any of:", ...urls.map((u) => `    ${u}/login`)]),
    `  and sign in as ${demo.email} / ${demo.password}`,
    `  Test secret key:      ${demo.secretKey}`,
    `  Test publishable key: ${demo.publishableKey}`,
    `  Try: curl ${url}/api/v1/account -H "Authorization: Bearer ${demo.secretKey}"`,
    ...(adding.length ? [`  Adding ${adding.join(" and ")} over the last 90 days in the background; the portal answers meanwhile.`] : []),
    ...(warming ? ["  Compiling the main pages now; a line below says when the portal is warm."] : []),
    "",
  ].join("\n");
}

/** What this start adds: no subscriptions or payments when test mode goes to a real processor account. */
function demoDataWanted(): DemoDataCounts {
  const wanted = { subscriptions: demoSubscriptionCount(), payments: demoPaymentCount() };
  if ((wanted.subscriptions > 0 || wanted.payments > 0) && connectorNameFor({ livemode: false }) !== "sandbox") {
    // Thousands of demo charges must never go to a real processor account.
    logger.info("demo subscriptions and payments skipped: test mode goes to Stripe (set KASSA_TEST_MODE_PROCESSOR=sandbox to seed them)");
    return { subscriptions: 0, payments: 0 };
  }
  return wanted;
}

/**
 * After the executor and relay are up: the demo catalogue (products and prices), then the demo
 * payments, then the demo subscriptions (a few hundred histories to the catalogue's recurring prices).
 * The subscriptions come last: each starts workflow runs that this same process serves, and written
 * first they doubled the newcomer's first minute under next dev (the first checkout paid 166 s after
 * `npm run dev` instead of 87 s on 2 cores). Both seeds yield after every unit (yieldToRequests), so
 * the portal answers while they run; their progress is logged ("demo payments seeded", then
 * "demo subscriptions seeded" ends the seed).
 */
function seedDemoDataInBackground(db: Database, merchantId: string, counts: DemoDataCounts): void {
  const ctx = { merchantId, livemode: false, actor: systemActor("demo-seed"), db };
  const started = Date.now();
  if (counts.payments > 0) logger.info({ payments: 0, of: counts.payments }, "demo payments being written");
  void (async () => {
    // Its start and end recorded, so a later start can tell a seed that was stopped (lib/demo/unfinished-seed.ts).
    await recordDemoSeed(ctx, "started", counts);
    // The catalogue first (a handful of writes): the subscriptions are to its prices.
    await seedDemoProducts(ctx);
    if (counts.payments > 0) {
      const count = counts.payments;
      const n = await seedDemoPayments(db, ctx, { count, onProgress: (made) => logger.info({ payments: made, of: count }, "demo payments being written") });
      logger.info({ payments: n, ms: Date.now() - started }, "demo payments seeded");
      // The fraud story: a card-testing burst held for review, elevated-risk payments in the review queue, one blocked.
      const fraud = await seedDemoFraud(db, ctx);
      logger.info(fraud, "demo fraud seeded");
    }
    if (counts.subscriptions > 0) {
      const of = counts.subscriptions;
      logger.info({ subscriptions: 0, of }, "demo subscriptions being written");
      const made = await seedDemoSubscriptions(db, ctx, {
        count: of,
        onProgress: (n) => logger.info({ subscriptions: n, of }, "demo subscriptions being written"),
      });
      logger.info({ subscriptions: made, ms: Date.now() - started }, "demo subscriptions seeded");
    }
    await recordDemoSeed(ctx, "finished", counts);
  })().catch((err: unknown) => logger.warn({ err }, "demo data seed stopped"));
}

/** next dev only: compile the pages a newcomer opens first, then say so. */
async function warmDevRoutes(): Promise<void> {
  const urls = devUrls(process.env.PORT ?? 3000, process.env.__NEXT_PRIVATE_ORIGIN);
  const origin = urls.find((u) => u.includes("127.0.0.1")) ?? urls[0]!;
  const { ms, routes } = await warmUp(origin);
  const cold = routes.filter((r) => r.status === null || r.status >= 500).map((r) => r.path);
  console.log(
    cold.length === 0
      ? `\n  Portal warm: the sign-in page, dashboard, payments and hosted checkout compiled in ${(ms / 1000).toFixed(1)} s.\n`
      : `\n  Portal warm in ${(ms / 1000).toFixed(1)} s, except ${cold.join(", ")} (compiled on first use).\n`,
  );
}
