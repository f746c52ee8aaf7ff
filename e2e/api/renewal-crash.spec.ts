// A renewal killed between its invoice and its charge: a whole app process (its own database, its own
// embedded workflow executor and outbox relay) SIGKILLs itself at the failpoint after the renewal invoice
// and the try's payment are committed and before the processor is called. Started again, its executor
// takes the run up once the dead process's lease ends and finishes it: one invoice, one payment, one charge.
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { invoices, payments, sandboxCharges } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import type { SubscriptionObject } from "@/lib/subscriptions/serialize";
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
});

test("kill -9 between a renewal's invoice and its charge, then restart: one invoice, one charge", async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = "/postgres";
  const url = await createDatabase(admin.toString(), `kassa_renewal_${Date.now().toString(36)}`);
  h = await openDatabase(url);
  await migrateDatabase(h);
  const { userId, merchantId } = await signUp({
    db: h.db,
    input: { name: "Owner", email: uniqueEmail("renewal"), password: PASSWORD, business_name: "Renewal crash shop" },
  });
  const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "crash" } });

  const port = await freePort();
  // The whole app in one process: its own executor (on a port of its own) and relay; a 3-second lease so a
  // killed process's steps are taken up again within seconds instead of five minutes.
  const env = { DATABASE_URL: url, KASSA_LOCAL_EXECUTOR: "true", KASSA_EXECUTOR_PORT: String(await freePort()), KASSA_EXECUTOR_LEASE_MS: "3000" };
  const call = async (base: string, path: string, body: Record<string, unknown> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(json)).toBe(200);
    return json;
  };

  server = await startServerProcess(port, { env });
  const product = await call(server.url, "/api/v1/products", {
    name: "Pro",
    default_price_data: { currency: "usd", unit_amount: 2000, recurring: { interval: "month" } },
  });
  const customer = await call(server.url, "/api/v1/customers", { email: "renewal@example.test" });
  const pm = await call(server.url, "/api/v1/payment_methods/pm_card_visa/attach", { customer: customer.id });
  await call(server.url, `/api/v1/customers/${String(customer.id)}`, { invoice_settings: { default_payment_method: pm.id } });
  const sub = (await call(server.url, "/api/v1/subscriptions", {
    customer: customer.id,
    items: [{ price: product.default_price }],
  })) as unknown as SubscriptionObject;
  expect(sub.status).toBe("active");
  await server.stop();

  // Armed: the renewal's charge step kills the process right before the processor call.
  server = await startServerProcess(port, { env, failpoints: ["invoice.processor:before"] });
  await call(server.url, `/api/v1/test_helpers/subscriptions/${sub.id}/end_period`);
  const died = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(died).toBe("SIGKILL");

  const invoicesOf = async () => (await h!.db.select().from(invoices).where(eq(invoices.subscription, sub.id))).sort((a, b) => a.id.localeCompare(b.id));
  const renewal = (await invoicesOf())[1];
  expect(renewal).toMatchObject({ billingReason: "subscription_cycle", status: "open", attemptCount: 1 });
  const tryPayment = (await h.db.select().from(payments).where(eq(payments.id, renewal!.payment!)))[0];
  expect(tryPayment).toMatchObject({ status: "requires_confirmation" });
  expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, tryPayment!.id))).toEqual([]);

  // Restarted without the failpoint: the run resumes its charge step and pays that very payment.
  const restartedAt = Date.now();
  server = await startServerProcess(port, { env });
  await expect.poll(async () => (await invoicesOf())[1]?.status, { timeout: 60_000, intervals: [250] }).toBe("paid");
  console.log(`renewal paid ${Date.now() - restartedAt} ms after the restart`);
  const all = await invoicesOf();
  expect(all).toHaveLength(2);
  expect(all[1]).toMatchObject({ id: renewal!.id, attemptCount: 1, payment: tryPayment!.id });
  const tries = (await h.db.select().from(payments).where(eq(payments.merchantId, merchantId))).filter((p) => p.metadata.invoice === renewal!.id);
  expect(tries.map((p) => [p.id, p.status])).toEqual([[tryPayment!.id, "succeeded"]]);
  expect((await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, tryPayment!.id))).map((c) => c.status)).toEqual(["succeeded"]);
  expect((await checkMoneyInvariants(h.db)).problems).toEqual([]);
});
