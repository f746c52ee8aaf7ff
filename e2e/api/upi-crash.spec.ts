// A UPI payment killed between its callback and its booking: a whole app process (its own database, its own
// embedded workflow executor and outbox relay) records the PSP's signed callback, then SIGKILLs itself at the
// failpoint right before the success is booked. Started again, its executor takes the runs up once the dead
// process's lease ends: one success, one ledger entry, one payment.succeeded event.
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { events, journalEntries, payments, sandboxUpiTransactions, upiEvents } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { sendCallback } from "@/lib/gateways/upi-sandbox/callbacks";
import { forgetSandboxUpiKeys } from "@/lib/gateways/upi-sandbox/keys";
import { decideByApp, type PspDeps } from "@/lib/gateways/upi-sandbox/psp";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { signUp } from "@/lib/team/sign-up";
import { createDatabase, freePort } from "@/scripts/pg-server";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { PASSWORD, uniqueEmail } from "../support/db";

test.describe.configure({ timeout: 180_000 });

let h: DatabaseHandle | undefined;
let server: ServerProcess | undefined;
test.afterEach(async () => {
  await server?.stop();
  await h?.close();
  forgetSandboxUpiKeys();
  delete process.env.KASSA_ENCRYPTION_KEYS;
  delete process.env.UPI_SANDBOX_CALLBACK_URL;
});

test("kill -9 between a UPI payment's callback and its booking, then restart: one success, one ledger entry", async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = "/postgres";
  const url = await createDatabase(admin.toString(), `kassa_upi_crash_${Date.now().toString(36)}`);
  h = await openDatabase(url);
  await migrateDatabase(h);
  const { userId, merchantId } = await signUp({
    db: h.db,
    input: { name: "Owner", email: uniqueEmail("upicrash"), password: PASSWORD, business_name: "UPI crash shop" },
  });
  const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "crash" } });

  const port = await freePort();
  const env = { DATABASE_URL: url, KASSA_LOCAL_EXECUTOR: "true", KASSA_EXECUTOR_PORT: String(await freePort()), KASSA_EXECUTOR_LEASE_MS: "3000" };
  // Armed: the first booking of a paid UPI payment kills the process right before its commit.
  server = await startServerProcess(port, { env, failpoints: ["upi.booking:before"] });
  const res = await fetch(`${server.url}/api/v1/payments`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ amount: 120_000, currency: "inr", payment_method_types: ["upi"], confirm: true }),
  });
  const payment = (await res.json()) as { id: string; status: string };
  expect(res.status, JSON.stringify(payment)).toBe(200);
  expect(payment.status).toBe("requires_action");

  // The customer approves in their app; the PSP calls back (signed) to the app, which records it and dies booking it.
  // The PSP's keys are sealed with the app's keyring (the one startServerProcess gives it).
  process.env.KASSA_ENCRYPTION_KEYS = "e2e:" + Buffer.alloc(32, 7).toString("base64");
  forgetSandboxUpiKeys();
  const deps: PspDeps = { db: async () => h!.db, now: () => Date.now() };
  const [txn] = await h.db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.paymentId, payment.id));
  const { row } = await decideByApp(deps, txn!.id, "approve", "asha@okaxis");
  process.env.UPI_SANDBOX_CALLBACK_URL = `${server.url}/api/webhooks/upi`;
  await sendCallback(row, deps);
  const died = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(died).toBe("SIGKILL");

  const row0 = (await h.db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
  expect(row0.status).toBe("requires_action");
  expect((await h.db.select().from(upiEvents).where(eq(upiEvents.paymentId, payment.id))).filter((e) => e.kind === "callback")).toHaveLength(1);
  const captures = async () =>
    (await h!.db.select().from(journalEntries).where(eq(journalEntries.merchantId, merchantId))).filter((e) => e.key === `capture:${payment.id}`);
  expect(await captures()).toEqual([]);

  // Restarted without the failpoint: the runs resume and book the success once.
  const restartedAt = Date.now();
  server = await startServerProcess(port, { env });
  await expect
    .poll(async () => (await h!.db.select().from(payments).where(eq(payments.id, payment.id)))[0]?.status, { timeout: 60_000, intervals: [250] })
    .toBe("succeeded");
  console.log(`UPI payment booked ${Date.now() - restartedAt} ms after the restart`);
  // Let every resumed run finish, then count: one capture, one payment.succeeded.
  await new Promise((r) => setTimeout(r, 5_000));
  expect(await captures()).toHaveLength(1);
  const succeeded = await h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), eq(events.type, "payment.succeeded")));
  expect(succeeded).toHaveLength(1);
  const after = (await h.db.select().from(payments).where(eq(payments.id, payment.id)))[0]!;
  expect(after).toMatchObject({ amountReceived: 120_000n });
  expect(after.upi).toMatchObject({ status: "success", vpa: "asha@okaxis" });
  expect((await checkMoneyInvariants(h.db)).problems).toEqual([]);
});
