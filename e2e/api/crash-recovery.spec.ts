// Exactly once across a real process death: a second server process of the same build SIGKILLs itself
// at a failpoint between a money verb's phases (lib/failpoints.ts); the client retries with the same
// Idempotency-Key, as Stripe tells integrators to, and must get one object, one processor effect and
// the original answer — resumed within seconds, not after the 90 s lock timeout.
import { expect, test } from "../support/api";
import { and, eq } from "drizzle-orm";
import { paymentMethods, payments, refunds, sandboxCharges, sandboxRefunds, setupIntents } from "@/db/schema";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { auth, ok, type Merchant } from "../support/api";
import { db, seedMerchant } from "../support/db";
import { freePort } from "@/scripts/pg-server";
import { startServerProcess, type ServerProcess } from "../support/server-process";

/** The second server's port: free on this machine, chosen once for the file. */
let PORT = 0;
/** The acceptance bound: a retry after a kill is answered within this long. */
const RESUME_WITHIN_MS = 5000;

test.describe.configure({ mode: "serial", timeout: 120_000 });

let m: Merchant;
let server: ServerProcess | undefined;
test.beforeAll(async () => {
  PORT = await freePort();
  m = await seedMerchant("crash");
});
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** `secret`: another merchant's key (default: the file's merchant). */
type Call = { path: string; body: Record<string, unknown>; key: string; secret?: string };

const post = (base: string, call: Call) =>
  fetch(`${base}${call.path}`, {
    method: "POST",
    headers: { ...auth(call.secret ?? m.secretKey, { "Idempotency-Key": call.key }), "Content-Type": "application/json" },
    body: JSON.stringify(call.body),
  });

/** Sends the call to a server armed with `failpoint`; the process must die without answering. */
async function dieAt(failpoint: string, call: Call, env: Record<string, string> = {}): Promise<number> {
  server = await startServerProcess(PORT, { failpoints: [failpoint], env });
  const answer = await post(server.url, call).then(
    (res) => `answered ${res.status}`,
    () => "no answer",
  );
  expect(answer).toBe("no answer");
  expect(await server.exited).toBe("SIGKILL");
  return Date.now();
}

/**
 * The client's retry, the way an integrator's would run: again on 409 (the dead request's lock) until
 * answered. `restart` first starts the killed server again and retries there; otherwise the retry goes
 * to the suite's main server, another live instance.
 */
async function retry(call: Call, killedAt: number, opts: { restart?: boolean; base?: string } = {}) {
  let base = opts.base ?? "";
  if (opts.restart) {
    server = await startServerProcess(PORT);
    base = server.url;
  }
  for (;;) {
    const res = await post(base || process.env.E2E_BASE_URL!, call);
    const text = await res.text();
    if (res.status !== 409 || !text.includes("idempotency_key_in_use")) {
      // The figure the closing notes quote: kill → answered.
      test.info().annotations.push({ type: "answered after kill (ms)", description: String(Date.now() - killedAt) });
      console.log(`${call.path}: answered ${res.status} ${Date.now() - killedAt} ms after the kill${opts.restart ? " (server restarted)" : ""}`);
      return {
        status: res.status,
        text,
        body: JSON.parse(text) as Record<string, unknown>,
        replayed: res.headers.get("idempotent-replayed"),
        ms: Date.now() - killedAt,
      };
    }
    expect(Date.now() - killedAt, "still locked by the dead request").toBeLessThan(30_000);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function succeededPayment(request: import("@playwright/test").APIRequestContext, extra: Record<string, unknown> = {}) {
  return ok<{ id: string; amount: number; status: string }>(
    await request.post("/api/v1/payments", {
      headers: auth(m.secretKey),
      data: { amount: 9000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...extra },
    }),
  );
}

async function books() {
  const h = await db();
  return (await checkMoneyInvariants(h.db, { merchantId: m.merchantId })).problems;
}

async function refundsOf(paymentId: string) {
  const h = await db();
  const kassa = await h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
  const [charge] = await h.db
    .select()
    .from(sandboxCharges)
    .where(and(eq(sandboxCharges.paymentId, paymentId), eq(sandboxCharges.status, "succeeded")));
  const processor = charge ? await h.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.chargeId, charge.id)) : [];
  return { kassa, processor };
}

test.beforeAll(() => {
  process.env.E2E_BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
});

test.describe("refunds", () => {
  for (const point of ["refund.processor:before", "refund.processor:after"] as const) {
    test(`killed at ${point}: the retry resumes that refund — one refund, one processor refund, the same answer replayed`, async ({ request }) => {
      const p = await succeededPayment(request);
      const call = { path: "/api/v1/refunds", body: { payment: p.id, amount: 2500, reason: "requested_by_customer" }, key: `crash-${point}-${Date.now()}` };
      const killedAt = await dieAt(point, call);

      const before = await refundsOf(p.id);
      expect(before.kassa.map((r) => r.status)).toEqual(["pending"]); // phase A committed
      expect(before.processor).toHaveLength(point.endsWith("after") ? 1 : 0);

      const answer = await retry(call, killedAt, { restart: true });
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toMatchObject({ id: before.kassa[0]!.id, object: "refund", amount: 2500, status: "succeeded", payment: p.id });
      expect(answer.ms).toBeLessThan(RESUME_WITHIN_MS + 15_000); // includes starting the server again; the lock itself is measured below

      const after = await refundsOf(p.id);
      expect(after.kassa).toHaveLength(1);
      expect(after.processor).toHaveLength(1);
      expect(after.processor[0]!.idempotencyKey).toBe(before.kassa[0]!.id);

      // The payment moves on (the rest is refunded); the retry still replays the first answer byte for byte.
      await ok(await request.post("/api/v1/refunds", { headers: auth(m.secretKey), data: { payment: p.id } }));
      const replay = await retry(call, Date.now(), { base: server!.url });
      expect(replay.replayed).toBe("true");
      expect(replay.text).toBe(answer.text);
      expect(await books()).toEqual([]);
    });
  }

  test("a retry on another live server is answered within 5 s of the kill, not after the 90 s lock timeout", async ({ request }) => {
    const p = await succeededPayment(request);
    const call = { path: "/api/v1/refunds", body: { payment: p.id }, key: `crash-live-${Date.now()}` };
    const killedAt = await dieAt("refund.processor:after", call);
    const answer = await retry(call, killedAt);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ status: "succeeded", amount: 9000 });
    expect(answer.ms).toBeLessThan(RESUME_WITHIN_MS);
    const after = await refundsOf(p.id);
    expect([after.kassa.length, after.processor.length]).toEqual([1, 1]);
    expect(await books()).toEqual([]);
  });
});

test.describe("payments", () => {
  test("create+confirm killed after the charge: the retry answers the same payment, charged once", async () => {
    const call = {
      path: "/api/v1/payments",
      body: { amount: 4100, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      key: `crash-pay-${Date.now()}`,
    };
    const killedAt = await dieAt("payment.processor:after", call);
    const answer = await retry(call, killedAt);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ status: "succeeded", amount_received: 4100 });
    const h = await db();
    expect(
      await h.db
        .select()
        .from(sandboxCharges)
        .where(eq(sandboxCharges.paymentId, answer.body.id as string)),
    ).toHaveLength(1);
    expect(await books()).toEqual([]);
  });

  for (const [verb, done] of [
    ["capture", "captured"],
    ["cancel", "canceled"],
  ] as const) {
    test(`${verb} killed after the processor answered: the retry answers the ${done} payment, not a state error`, async ({ request }) => {
      const p = await succeededPayment(request, { capture_method: "manual" });
      expect(p.status).toBe("requires_capture");
      const call = {
        path: `/api/v1/payments/${p.id}/${verb}`,
        body: verb === "capture" ? { amount_to_capture: 6000 } : {},
        key: `crash-${verb}-${Date.now()}`,
      };
      const killedAt = await dieAt(`${verb}.processor:after`, call);
      const h = await db();
      const [charge] = await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id));
      expect(charge!.status).toBe(verb === "capture" ? "succeeded" : "canceled"); // the processor did it
      const [pending] = await h.db.select().from(payments).where(eq(payments.id, p.id));
      expect(pending!.status).toBe("requires_capture"); // Kassa had not recorded it

      const answer = await retry(call, killedAt);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body).toMatchObject(verb === "capture" ? { status: "succeeded", amount_received: 6000 } : { status: "canceled", amount_received: 0 });
      expect(answer.ms).toBeLessThan(RESUME_WITHIN_MS);
      const [again] = await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, p.id));
      expect(again!.amountCaptured).toBe(verb === "capture" ? 6000n : 0n);
      expect(await books()).toEqual([]);
    });
  }
});

test.describe("failover", () => {
  test("killed after failing over from A to B, before B was asked: the retry charges on B once, A never", async ({ request }) => {
    const f = await seedMerchant("crash-failover");
    // USD goes to A (`sandbox`) first, B (`sandbox_b`) next; the dying server's A refuses every call before processing.
    const rules = { rules: [{ name: "USD to A", when: { currency: ["usd"] }, route: { connector: "sandbox" } }], default: { connector: "sandbox_b" } };
    await ok(await request.post("/api/v1/routing_rules", { headers: auth(f.secretKey), data: rules })); // raw: this file drives its own processes
    const call = {
      path: "/api/v1/payments",
      body: { amount: 4300, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      key: `crash-failover-${Date.now()}`,
      secret: f.secretKey,
    };
    const killedAt = await dieAt("payment.failover:after", call, { KASSA_SANDBOX_UNAVAILABLE_RATE: "1" });
    const h = await db();
    const [pending] = await h.db.select().from(payments).where(eq(payments.merchantId, f.merchantId));
    // The failover committed: the payment is on B, A's attempt failed (retryable), B's started and not yet sent.
    expect(pending).toMatchObject({ status: "processing", connector: "sandbox_b", attemptCount: 2 });
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, pending!.id))).toHaveLength(0);

    const answer = await retry(call, killedAt, { restart: true });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ id: pending!.id, status: "succeeded", amount_received: 4300, connector: "sandbox_b" });
    const charges = await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, pending!.id));
    expect(charges.map((c) => [c.merchantId, c.status])).toEqual([[`${f.merchantId}~sandbox_b`, "succeeded"]]);
    // A later retry replays the answer; still one charge, on B only.
    const replay = await retry(call, Date.now(), { base: server!.url });
    expect(replay.replayed).toBe("true");
    expect(replay.text).toBe(answer.text);
    expect(await h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, pending!.id))).toHaveLength(1);
    expect((await checkMoneyInvariants(h.db, { merchantId: f.merchantId })).problems).toEqual([]);
  });
});

test.describe("customers and disputes", () => {
  async function customer(request: import("@playwright/test").APIRequestContext) {
    return ok<{ id: string }>(await request.post("/api/v1/customers", { headers: auth(m.secretKey), data: { email: `crash-${Date.now()}@e2e.test` } }));
  }

  test("setup intent killed after the processor saved the card: one setup, one saved card", async ({ request }) => {
    const c = await customer(request);
    const call = { path: "/api/v1/setup_intents", body: { customer: c.id, payment_method: "pm_card_visa" }, key: `crash-seti-${Date.now()}` };
    const killedAt = await dieAt("setup_intent.processor:after", call);
    const h = await db();
    const [recorded] = await h.db.select().from(setupIntents).where(eq(setupIntents.customer, c.id));
    expect(recorded!.status).toBe("processing");
    const answer = await retry(call, killedAt);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ id: recorded!.id, status: "succeeded" });
    expect(await h.db.select().from(setupIntents).where(eq(setupIntents.customer, c.id))).toHaveLength(1);
    expect(await h.db.select().from(paymentMethods).where(eq(paymentMethods.customer, c.id))).toHaveLength(1);
  });

  test("attach killed after the processor attached: one saved card, the same answer", async ({ request }) => {
    const c = await customer(request);
    const call = { path: "/api/v1/payment_methods/pm_card_mastercard/attach", body: { customer: c.id }, key: `crash-attach-${Date.now()}` };
    const killedAt = await dieAt("attach.processor:after", call);
    const answer = await retry(call, killedAt);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ object: "payment_method", customer: c.id, card: { brand: "mastercard" } });
    const h = await db();
    expect(await h.db.select().from(paymentMethods).where(eq(paymentMethods.customer, c.id))).toHaveLength(1);
  });

  test("dispute evidence killed after it was recorded, before the answer went out: the retry gets that answer, not a state error", async ({ request }) => {
    const p = await succeededPayment(request, { payment_method: "pm_card_createDispute", amount: 5000 });
    let dispute: { id: string; status: string } | undefined;
    await expect
      .poll(
        async () => {
          dispute = (
            await ok<{ data: { id: string; status: string }[] }>(await request.get(`/api/v1/disputes?payment=${p.id}`, { headers: auth(m.secretKey) }))
          ).data[0];
          return dispute?.status;
        },
        { timeout: 30_000 },
      )
      .toBe("needs_response");
    const call = {
      path: `/api/v1/disputes/${dispute!.id}/evidence`,
      body: { evidence: { product_description: "A blue mug, delivered 2 Dec", uncategorized_text: "Signed for at delivery" } },
      key: `crash-evidence-${Date.now()}`,
    };
    const killedAt = await dieAt("api.response:before_store", call);
    const answer = await retry(call, killedAt);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.replayed).toBe("true"); // stored with the evidence, in one transaction
    expect(answer.body).toMatchObject({ id: dispute!.id, status: "under_review" });
  });
});
