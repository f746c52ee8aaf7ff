// A payout killed between its ledger posting and the bank call: a whole app process (its own database, its
// own embedded workflow executor and outbox relay) posts the payout, then its payout-send run SIGKILLs the
// process at the failpoint right before the bank is called. Started again, the executor takes the run up once
// the dead process's lease ends: exactly one transfer at the sandbox bank, one payout, one ledger posting.
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { events, journalEntries, payouts, sandboxBankTransfers } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { signUp } from "@/lib/team/sign-up";
import { createDatabase, freePort } from "@/scripts/pg-server";
import { fundAvailable } from "@/test/payouts";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { PASSWORD, uniqueEmail } from "../support/db";

test.describe.configure({ timeout: 180_000 });

let h: DatabaseHandle | undefined;
let server: ServerProcess | undefined;
test.afterEach(async () => {
  await server?.stop();
  await h?.close();
});

test("kill -9 between a payout's ledger posting and the bank call, then restart: one payout at the bank", async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = "/postgres";
  const url = await createDatabase(admin.toString(), `kassa_payout_crash_${Date.now().toString(36)}`);
  h = await openDatabase(url);
  await migrateDatabase(h);
  const { userId, merchantId } = await signUp({
    db: h.db,
    input: { name: "Owner", email: uniqueEmail("payoutcrash"), password: PASSWORD, business_name: "Payout crash shop" },
  });
  const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "crash" } });
  await fundAvailable(h.db, ctx, 50_000n);

  const port = await freePort();
  const env = { DATABASE_URL: url, KASSA_LOCAL_EXECUTOR: "true", KASSA_EXECUTOR_PORT: String(await freePort()), KASSA_EXECUTOR_LEASE_MS: "3000" };
  server = await startServerProcess(port, { env, failpoints: ["payout.bank:before"] });
  // The embedded executor starts runs only for functions it has synced: wait for payout-send before paying out.
  const { inngestFunctions } = await import("@/inngest/local/schema");
  await expect
    .poll(async () => (await h!.db.select({ id: inngestFunctions.id }).from(inngestFunctions)).some((f) => f.id === "kassa-payout-send"), {
      timeout: 30_000,
      intervals: [200],
    })
    .toBe(true);
  const post = (path: string, body: object) =>
    fetch(`${server!.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", "Idempotency-Key": `crash-${path}` },
      body: JSON.stringify(body),
    });
  const ba = await post("/api/v1/bank_accounts", {
    currency: "usd",
    country: "US",
    account_holder_name: "Jenny Rosen",
    account_number: "000123456789",
    routing_number: "110000000",
  });
  expect(ba.status, await ba.clone().text()).toBe(200);
  const res = await post("/api/v1/payouts", { amount: 30_000, currency: "usd" });
  const payout = (await res.json()) as { id: string; status: string };
  expect(res.status, JSON.stringify(payout)).toBe(200);
  expect(payout.status).toBe("pending");

  // The relay hands payout.created to the executor; the payout-send run dies right before calling the bank.
  const died = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(died).toBe("SIGKILL");
  const transfers = () => h!.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, payout.id));
  expect(await transfers()).toEqual([]);
  const row0 = (await h.db.select().from(payouts).where(eq(payouts.id, payout.id)))[0]!;
  expect(row0.status).toBe("pending");
  expect(row0.sentAt).not.toBeNull(); // claimed: a cancel can no longer race the send

  // Restarted without the failpoint: the run resumes and sends the payout once.
  server = await startServerProcess(port, { env });
  await expect
    .poll(async () => (await h!.db.select().from(payouts).where(eq(payouts.id, payout.id)))[0]?.status, { timeout: 60_000, intervals: [250] })
    .toBe("in_transit");
  await new Promise((r) => setTimeout(r, 5_000));
  expect(await transfers()).toHaveLength(1);
  expect((await transfers())[0]).toMatchObject({ amount: 30_000n, last4: "6789" });
  expect(await h.db.select().from(payouts).where(eq(payouts.merchantId, merchantId))).toHaveLength(1);
  const posted = (await h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, merchantId))).filter((e) => e.sourceId === payout.id);
  expect(posted.map((e) => e.type)).toEqual(["payout"]);
  const created = await h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, merchantId), eq(events.type, "payout.created")));
  expect(created).toHaveLength(1);
  expect((await checkLedgerInvariants(h.db, { merchantId })).problems).toEqual([]);
});
