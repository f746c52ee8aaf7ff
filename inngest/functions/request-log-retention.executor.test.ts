// Request logs are kept 30 days: the daily retention run (local executor, fake clock) deletes a 31-day-old
// log and keeps a 29-day-old one, in batches.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { requestLogs } from "@/db/schema";
import { inngestRuns } from "@/inngest/local/schema";
import { newId } from "@/lib/ids";
import { deleteOldRequestLogs } from "@/lib/request-logs/delete-old-request-logs";
import { executorTestBed } from "@/test/executor-bed";

const bed = executorTestBed("requestlogretention");
const DAY = 24 * 3600_000;

const log = (merchantId: string, daysAgo: number) => ({
  id: newId("request"),
  merchantId,
  livemode: false,
  method: "POST",
  path: "/api/v1/payments",
  route: "/api/v1/payments",
  status: 200,
  latencyMs: 3,
  createdAt: new Date(Date.now() - daysAgo * DAY),
});

describe("request-log-retention", () => {
  it("the daily run deletes a 31-day-old log and keeps a 29-day-old one", async () => {
    const merchantId = newId("merchant");
    const old = log(merchantId, 31);
    const recent = log(merchantId, 29);
    await bed.h.db.insert(requestLogs).values([old, recent]);
    // The next 04:43 UTC (the function's cron) after the clock.
    const next = new Date(bed.clock.now());
    next.setUTCHours(4, 43, 0, 0);
    if (next <= bed.clock.now()) next.setTime(next.getTime() + DAY);
    await bed.advanceTo(next);
    const runs = await bed.h.db.select().from(inngestRuns).where(eq(inngestRuns.functionId, "kassa-request-log-retention"));
    expect(runs).toHaveLength(1);
    expect((await bed.executor.waitForRun(runs[0]!.id)).status).toBe("completed");
    const left = (await bed.h.db.select({ id: requestLogs.id }).from(requestLogs)).map((r) => r.id);
    expect(left).toContain(recent.id);
    expect(left).not.toContain(old.id);
  });

  it("deletes in batches: a batch of 2 takes 2 of 5 old rows, and the rest go in the next ones", async () => {
    const merchantId = newId("merchant");
    await bed.h.db.delete(requestLogs);
    await bed.h.db.insert(requestLogs).values([40, 35, 33, 32, 31].map((d) => log(merchantId, d)));
    expect(await deleteOldRequestLogs({ db: bed.h.db, batch: 2 })).toBe(2);
    expect(await deleteOldRequestLogs({ db: bed.h.db, batch: 2 })).toBe(2);
    expect(await deleteOldRequestLogs({ db: bed.h.db, batch: 2 })).toBe(1);
    expect(await deleteOldRequestLogs({ db: bed.h.db, batch: 2 })).toBe(0);
  });
});
