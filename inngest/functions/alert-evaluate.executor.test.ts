// The alert-evaluate cron on the real workflow path: Kassa's functions served by the real serve() handler,
// run by the local executor on a fake clock; payments made through the sandbox processor.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { alerts, events } from "@/db/schema";
import { inngestRuns } from "@/inngest/local/schema";
import { createPayment } from "@/lib/payments/create-payment";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";

// One executor for the file: its clock moves a minute at a time.
const bed = executorTestBed("alertrun", { freshPerTest: false });

async function pay(ctx: ServiceContext, paymentMethod: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await createPayment({ ctx, input: { amount: 4000 + i, currency: "usd", payment_method: paymentMethod, confirm: true } }).catch((e: unknown) => {
      if (!(e && typeof e === "object" && "code" in e && e.code === "card_declined")) throw e;
    });
}

/** One fake minute: the cron's next run, finished. */
async function nextMinute(): Promise<void> {
  const before = (await bed.h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-alert-evaluate"))).length;
  await bed.clock.advance(60_000);
  await bed.executor.idle();
  const runs = (await bed.h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-alert-evaluate"))).sort((a, b) => a.id.localeCompare(b.id));
  expect(runs.length).toBe(before + 1);
  expect((await bed.executor.waitForRun(runs.at(-1)!.id)).status).toBe("completed");
}

const alertEvents = async (ctx: ServiceContext) =>
  (await bed.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id))
    .filter((e) => e.type.startsWith("alert."))
    .map((e) => e.type);

describe("alert-evaluate cron", () => {
  it("every minute: above 10% failures opens one alert.opened, the next minutes add nothing, and it resolves once the rate falls; the quiet merchant gets nothing", async () => {
    const failing = await makeMerchantContext(bed.h.db);
    const quiet = await makeMerchantContext(bed.h.db);
    await pay(quiet, "pm_card_visa", 20);
    await pay(failing, "pm_card_visa", 16);
    await pay(failing, "pm_card_chargeDeclined", 4); // 20%
    await nextMinute();
    expect(await alertEvents(failing)).toEqual(["alert.opened"]);
    const [open] = await bed.h.db.select().from(alerts).where(eq(alerts.merchantId, failing.merchantId));
    expect(open).toMatchObject({ kind: "payment_failure_rate", resolvedAt: null, attempts: 20, matching: 4 });
    await nextMinute();
    await nextMinute();
    expect(await alertEvents(failing)).toEqual(["alert.opened"]);
    // 4 of 60: 6.7%, under the 8% at which it clears.
    await pay(failing, "pm_card_visa", 40);
    await nextMinute();
    expect((await alertEvents(failing)).sort()).toEqual(["alert.opened", "alert.resolved"]);
    expect((await bed.h.db.select().from(alerts).where(eq(alerts.id, open!.id)))[0]!.resolvedAt).not.toBeNull();
    await nextMinute();
    expect(await alertEvents(failing)).toHaveLength(2);
    expect(await alertEvents(quiet)).toEqual([]);
    expect(await bed.h.db.select().from(alerts).where(eq(alerts.merchantId, quiet.merchantId))).toEqual([]);
  });
});
