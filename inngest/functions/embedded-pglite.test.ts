// The embedded default as `npm run dev` runs it: one process, one PGlite, the executor and the
// outbox relay inside it. Guards the single-connection case (a relay holding a transaction open
// while the in-process engine writes would deadlock).
import { afterAll, beforeAll, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { payments, sandboxCharges } from "@/db/schema";
import { startExecutor, type Executor } from "@/inngest/local";
import { startApp } from "@/inngest/local/test-app";
import { makeMerchant } from "@/test/fixtures";

let db: Database;
let executor: Executor;
let app: { url: string; close(): Promise<void> };
let stopRelay: () => void;

beforeAll(async () => {
  process.env.DATABASE_URL = "memory://";
  const { getDb } = await import("@/db/client");
  db = await getDb();
  executor = await startExecutor({ db, port: 0, pollMs: 20, log: { warn: () => {}, error: () => {} } });
  process.env.INNGEST_DEV = executor.url;
  const { inngest } = await import("@/inngest/client");
  const { functions } = await import("@/inngest/index");
  app = await startApp(inngest, functions);
  await executor.syncApp(app.url);
  const { startOutboxRelay } = await import("@/lib/events/outbox-relay");
  const { sendToInngest } = await import("@/inngest/send");
  stopRelay = startOutboxRelay(sendToInngest);
});
afterAll(async () => {
  stopRelay?.();
  await executor?.stop();
  await app?.close();
});

it("a payment whose answer was lost is settled by the in-process engine on PGlite", async () => {
  const { createPayment } = await import("@/lib/payments/create-payment");
  const { ctx } = await makeMerchant(db);
  const started = Date.now();
  const p = await createPayment({ ctx: { ...ctx, db: undefined }, input: { amount: 2200, currency: "usd", payment_method: "pm_card_lostResponse", confirm: true } });
  expect(p.status).toBe("processing");
  await expect
    .poll(async () => (await db.select().from(payments).where(eq(payments.id, p.id)))[0]!.status, { timeout: 10_000, interval: 50 })
    .toBe("succeeded");
  expect(await db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id))).toHaveLength(1);
});
