// An order saga killed mid-way: a whole app process (its own database, embedded workflow executor and outbox relay)
// SIGKILLs itself right after the processor answered a side effect and before Kassa recorded it — after the
// authorisation, and after the capture. Started again, its executor takes the run up once the dead process's lease
// ends and the step finishes that very payment with the same processor keys: one charge, one capture, the shop
// called with the same step keys, the books balanced.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { orders, orderSteps, payments, sandboxCharges, sandboxRequests } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { signUp } from "@/lib/team/sign-up";
import { inngestFunctions } from "@/inngest/local/schema";
import { createDatabase, freePort } from "@/scripts/pg-server";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { PASSWORD, uniqueEmail } from "../support/db";

test.describe.configure({ timeout: 180_000 });

let h: DatabaseHandle | undefined;
let server: ServerProcess | undefined;
let shop: http.Server | undefined;
test.afterEach(async () => {
  await server?.stop();
  shop?.close();
  await h?.close();
});

for (const failpoint of ["payment.processor:after", "capture.processor:after"]) {
  test(`kill -9 at ${failpoint} in an order saga, then restart: the saga finishes with one charge and one capture`, async () => {
    const admin = new URL(process.env.DATABASE_URL!);
    admin.pathname = "/postgres";
    const url = await createDatabase(admin.toString(), `kassa_order_crash_${Date.now().toString(36)}`);
    h = await openDatabase(url);
    await migrateDatabase(h);
    const { userId, merchantId } = await signUp({
      db: h.db,
      input: { name: "Owner", email: uniqueEmail("ordercrash"), password: PASSWORD, business_name: "Order crash shop" },
    });
    const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: h.db };
    const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "crash" } });

    // The shop: checks each call's signature and counts calls per step key.
    let hookSecret = "";
    const calls: { key: string; verified: boolean }[] = [];
    shop = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        let verified = false;
        try {
          new Webhook(hookSecret).verify(raw, req.headers as Record<string, string>);
          verified = true;
        } catch {
          verified = false;
        }
        calls.push({ key: String(req.headers["webhook-id"]), verified });
        res.writeHead(verified ? 200 : 401).end("{}");
      });
    });
    await new Promise<void>((resolve) => shop!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;

    const port = await freePort();
    const env = {
      DATABASE_URL: url,
      KASSA_LOCAL_EXECUTOR: "true",
      KASSA_EXECUTOR_PORT: String(await freePort()),
      KASSA_EXECUTOR_LEASE_MS: "3000",
      KASSA_WEBHOOKS_ALLOW_LOOPBACK: "1",
    };
    const call = async (srv: ServerProcess, path: string, body: Record<string, unknown>) => {
      const res = await fetch(`${srv.url}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(json)).toBe(200);
      return json;
    };

    // Set up on a first start, which also registers the app's functions with its executor.
    server = await startServerProcess(port, { env });
    const hook = await call(server, "/api/v1/fulfillment_hooks", {
      reserve_url: `${base}/reserve`,
      confirm_url: `${base}/confirm`,
      release_url: `${base}/release`,
    });
    hookSecret = String(hook.secret);
    await expect
      .poll(async () => (await h!.db.select({ id: inngestFunctions.id }).from(inngestFunctions)).map((f) => f.id), { timeout: 60_000 })
      .toContain("kassa-order-saga");
    await server.stop();

    // Armed: the saga's step kills the process right after the processor's answer.
    server = await startServerProcess(port, { env, failpoints: [failpoint] });
    const order = await call(server, "/api/v1/orders", {
      amount: 4200,
      currency: "usd",
      payment_method: "pm_card_visa",
      items: [{ name: "Kettle", quantity: 1, amount: 4200 }],
    });
    const died = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    expect(died).toBe("SIGKILL");

    const orderRow = async () =>
      (
        await h!.db
          .select()
          .from(orders)
          .where(eq(orders.id, String(order.id)))
      )[0]!;
    const before = await orderRow();
    expect(before.status).toBe("processing");
    const paymentId = before.paymentId!;
    const charges = () => h!.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId));
    expect(await charges()).toHaveLength(1); // the processor acted; Kassa never recorded its answer
    const [payment] = await h.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment!.status).toBe(failpoint.startsWith("payment") ? "processing" : "requires_capture");

    // Restarted without the failpoint: the run takes the step up again and finishes that very payment.
    server = await startServerProcess(port, { env });
    await expect.poll(async () => (await orderRow()).status, { timeout: 90_000, intervals: [250] }).toBe("succeeded");

    expect(await charges()).toHaveLength(1);
    const [charge] = await charges();
    const captures = await h.db
      .select()
      .from(sandboxRequests)
      .where(and(eq(sandboxRequests.chargeId, charge!.id), eq(sandboxRequests.operation, "capture")));
    expect(captures).toHaveLength(1);
    expect(charge).toMatchObject({ status: "succeeded", amountCaptured: 4200n });
    const [after] = await h.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(after).toMatchObject({ status: "succeeded", amountReceived: 4200n, pendingOperation: null });
    expect((await h.db.select().from(payments).where(eq(payments.merchantId, merchantId))).map((p) => p.id)).toEqual([paymentId]);
    const steps = await h.db
      .select()
      .from(orderSteps)
      .where(eq(orderSteps.orderId, String(order.id)));
    expect(
      steps
        .filter((s) => s.outcome === "succeeded")
        .map((s) => s.name)
        .sort(),
    ).toEqual(["authorize", "capture", "confirm", "reserve"]);
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(new Set(calls.map((c) => c.key))).toEqual(new Set([`${String(order.id)}:reserve`, `${String(order.id)}:confirm`]));
    expect((await checkMoneyInvariants(h.db)).problems).toEqual([]);
  });
}
