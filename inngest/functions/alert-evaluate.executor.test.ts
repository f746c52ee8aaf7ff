// The alert-evaluate cron on the real workflow path: Kassa's functions served by the real serve() handler,
// run by the local executor on a fake clock; payments made through the sandbox processor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { alerts, events } from "@/db/schema";
import { FakeClock, startExecutor, type Executor } from "@/inngest/local";
import { inngestRuns } from "@/inngest/local/schema";
import { startApp } from "@/inngest/local/test-app";
import { createPayment } from "@/lib/payments/create-payment";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { makeMerchantContext } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
let executor: Executor;
let app: { url: string; close(): Promise<void> };
const clock = new FakeClock(new Date(Date.now() - 1000));
const silent = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  h = await freshPostgres("alertrun");
  process.env.DATABASE_URL = h.url;
  executor = await startExecutor({ db: h.db, port: 0, clock, jitter: () => 0, pollMs: 20, log: silent });
  process.env.INNGEST_DEV = executor.url;
  const { inngest } = await import("@/inngest/client");
  const { functions } = await import("@/inngest/index");
  app = await startApp(inngest, functions);
  await executor.syncApp(app.url);
});
afterAll(async () => {
  await executor?.stop();
  await app?.close();
  await h?.close();
});

async function pay(ctx: ServiceContext, paymentMethod: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await createPayment({ ctx, input: { amount: 4000 + i, currency: "usd", payment_method: paymentMethod, confirm: true } }).catch((e: unknown) => {
      if (!(e && typeof e === "object" && "code" in e && e.code === "card_declined")) throw e;
    });
}

/** One fake minute: the cron's next run, finished. */
async function nextMinute(): Promise<void> {
  const before = (await h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-alert-evaluate"))).length;
  await clock.advance(60_000);
  await executor.idle();
  const runs = (await h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-alert-evaluate"))).sort((a, b) => a.id.localeCompare(b.id));
  expect(runs.length).toBe(before + 1);
  expect((await executor.waitForRun(runs.at(-1)!.id)).status).toBe("completed");
}

const alertEvents = async (ctx: ServiceContext) =>
  (await h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId))).filter((e) => e.type.startsWith("alert.")).map((e) => e.type);

describe("alert-evaluate cron", () => {
  it("every minute: above 10% failures opens one alert.opened, the next minutes add nothing, and it resolves once the rate falls; the quiet merchant gets nothing", async () => {
    const failing = await makeMerchantContext(h.db);
    const quiet = await makeMerchantContext(h.db);
    await pay(quiet, "pm_card_visa", 20);
    await pay(failing, "pm_card_visa", 16);
    await pay(failing, "pm_card_chargeDeclined", 4); // 20%
    await nextMinute();
    expect(await alertEvents(failing)).toEqual(["alert.opened"]);
    const [open] = await h.db.select().from(alerts).where(eq(alerts.merchantId, failing.merchantId));
    expect(open).toMatchObject({ kind: "payment_failure_rate", resolvedAt: null, attempts: 20, matching: 4 });
    await nextMinute();
    await nextMinute();
    expect(await alertEvents(failing)).toEqual(["alert.opened"]);
    // 4 of 60: 6.7%, under the 8% at which it clears.
    await pay(failing, "pm_card_visa", 40);
    await nextMinute();
    expect((await alertEvents(failing)).sort()).toEqual(["alert.opened", "alert.resolved"]);
    expect((await h.db.select().from(alerts).where(eq(alerts.id, open!.id)))[0]!.resolvedAt).not.toBeNull();
    await nextMinute();
    expect(await alertEvents(failing)).toHaveLength(2);
    expect(await alertEvents(quiet)).toEqual([]);
    expect(await h.db.select().from(alerts).where(eq(alerts.merchantId, quiet.merchantId))).toEqual([]);
  });
});
