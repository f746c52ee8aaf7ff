// Order sagas on the real workflow path: Kassa's functions served over HTTP by the real serve() handler,
// run by the local executor on a fake clock, against a local HTTP server that plays the merchant's
// fulfilment endpoint (it verifies every call's Standard Webhooks signature).
import http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { events, journalEntries, orders, orderSteps, payments, refunds, sandboxCharges, sandboxRefunds, sandboxRequests } from "@/db/schema";
import { backoffMs } from "@/inngest/local/backoff";
import { setFailpointHandler } from "@/lib/failpoints";
import { createFulfillmentHook } from "@/lib/orders/create-fulfillment-hook";
import { createOrder } from "@/lib/orders/create-order";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { makeMerchantContext } from "@/test/fixtures";

// Read as the functions load: calls to the loopback merchant allowed. The hook keeps its 10 s timeout, so a
// loaded CI machine answering slowly is not read as the merchant timing out.
process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK = "1";
const bed = executorTestBed("ordersaga");
const { pump } = bed;

// ---- the merchant's fulfilment endpoint -------------------------------------------------------------
type Action = "reserve" | "confirm" | "release";
interface Hit {
  action: Action;
  at: number;
  webhookId: string;
  verified: boolean;
  body: { type: string; step_key: string; order: { id: string } };
}
let hits: Hit[] = [];
let answer: (action: Action, n: number) => number = () => 200;
let secret = "";
let merchant: http.Server;
let merchantUrl = "";

function startMerchant(): Promise<void> {
  merchant = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const action = (req.url ?? "").slice(1) as Action;
      let verified = false;
      try {
        new Webhook(secret).verify(raw, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      hits.push({ action, at: bed.clock.now().getTime(), webhookId: String(req.headers["webhook-id"]), verified, body: JSON.parse(raw) });
      const status = verified ? answer(action, hits.filter((x) => x.action === action).length) : 401;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  return new Promise((resolve) =>
    merchant.listen(0, "127.0.0.1", () => {
      merchantUrl = `http://127.0.0.1:${(merchant.address() as { port: number }).port}`;
      resolve();
    }),
  );
}

// ---- the engine -------------------------------------------------------------------------------------
beforeAll(() => startMerchant());
beforeEach(() => {
  hits = [];
  answer = () => 200;
});
afterAll(() => {
  merchant?.close();
});
afterEach(() => setFailpointHandler(null));

const advanceBy = (ms: number) => bed.advanceTo(bed.clock.now().getTime() + ms);

// ---- helpers ----------------------------------------------------------------------------------------
async function merchantWithHook(): Promise<ServiceContext> {
  const ctx = await makeMerchantContext(bed.h.db);
  const hook = await createFulfillmentHook({
    ctx,
    input: { reserve_url: `${merchantUrl}/reserve`, confirm_url: `${merchantUrl}/confirm`, release_url: `${merchantUrl}/release` },
  });
  secret = hook.secret!;
  return ctx;
}

async function order(ctx: ServiceContext, paymentMethod = "pm_card_visa") {
  const created = await createOrder({
    ctx,
    input: {
      amount: 5000,
      currency: "usd",
      payment_method: paymentMethod,
      items: [
        { name: "Lamp", quantity: 1, amount: 3000 },
        { name: "Bulb", quantity: 4, amount: 2000 },
      ],
      metadata: { cart: "c_1" },
    },
  });
  expect(created.status).toBe("initiated");
  return created.id;
}

const orderRow = async (id: string) => (await bed.h.db.select().from(orders).where(eq(orders.id, id)))[0]!;
const stepsOf = async (id: string) => (await bed.h.db.select().from(orderSteps).where(eq(orderSteps.orderId, id))).sort((a, b) => a.id.localeCompare(b.id));
const paymentOf = async (id: string) =>
  (
    await bed.h.db
      .select()
      .from(payments)
      .where(eq(payments.id, (await orderRow(id)).paymentId!))
  )[0]!;
const chargesOf = async (paymentId: string) => bed.h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId));
async function capturesOf(paymentId: string) {
  const [charge] = await chargesOf(paymentId);
  if (!charge) return [];
  return bed.h.db
    .select()
    .from(sandboxRequests)
    .where(and(eq(sandboxRequests.chargeId, charge.id), eq(sandboxRequests.operation, "capture")));
}
const eventTypes = async (ctx: ServiceContext) =>
  (await bed.h.db.select({ type: events.type }).from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id))
    .map((e) => e.type)
    .filter((t) => t.startsWith("order."));
const summary = (steps: Awaited<ReturnType<typeof stepsOf>>) =>
  steps.map((s) => `${s.name}#${s.attempt}:${s.outcome}${s.statusCode ? `:${s.statusCode}` : ""}`);

describe("the order saga", () => {
  it("success: authorise → reserve → capture → confirm, signed calls keyed by the step, one charge and one capture", async () => {
    const ctx = await merchantWithHook();
    const id = await order(ctx);
    await pump();

    const row = await orderRow(id);
    expect(row).toMatchObject({
      status: "succeeded",
      failureCode: null,
      progress: { authorized: true, reserveRequested: true, reserved: true, captured: true, confirmed: true },
    });
    expect(summary(await stepsOf(id))).toEqual(["authorize#1:succeeded", "reserve#1:succeeded:200", "capture#1:succeeded", "confirm#1:succeeded:200"]);
    expect(hits.map((x) => [x.action, x.webhookId, x.verified, x.body.type, x.body.step_key, x.body.order.id])).toEqual([
      ["reserve", `${id}:reserve`, true, "order.reserve", `${id}:reserve`, id],
      ["confirm", `${id}:confirm`, true, "order.confirm", `${id}:confirm`, id],
    ]);
    const payment = await paymentOf(id);
    expect(payment).toMatchObject({ status: "succeeded", captureMethod: "manual", amount: 5000n, amountReceived: 5000n });
    expect(payment.metadata).toMatchObject({ order: id, step_key: `${id}:authorize` });
    expect(await chargesOf(payment.id)).toHaveLength(1);
    expect(await capturesOf(payment.id)).toHaveLength(1);
    expect(await eventTypes(ctx)).toEqual(["order.created", "order.succeeded"]);
    expect((await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("the reserve endpoint down (503): tried on the engine's schedule, then the reservation released and the authorisation voided; nothing captured, the ledger untouched", async () => {
    const ctx = await merchantWithHook();
    answer = (action) => (action === "reserve" ? 503 : 200);
    const id = await order(ctx);
    await pump();
    const first = hits[0]!.at;
    expect(hits.map((x) => x.action)).toEqual(["reserve"]);

    // Nothing before each scheduled time; one more try at it.
    let expectedAt = first;
    for (let failed = 0; failed < 4; failed++) {
      expectedAt += backoffMs(failed, () => 0);
      await advanceBy(expectedAt - 1000 - bed.clock.now().getTime());
      expect(hits.filter((x) => x.action === "reserve")).toHaveLength(failed + 1);
      await advanceBy(1000);
      expect(hits.filter((x) => x.action === "reserve")).toHaveLength(failed + 2);
    }
    const reserves = hits.filter((x) => x.action === "reserve");
    expect(reserves.map((x) => x.at - first)).toEqual([0, 15_000, 45_000, 105_000, 225_000]);
    expect(new Set(reserves.map((x) => x.webhookId))).toEqual(new Set([`${id}:reserve`]));
    expect(hits.map((x) => x.action)).toEqual(["reserve", "reserve", "reserve", "reserve", "reserve", "release"]);
    expect(hits.at(-1)!.webhookId).toBe(`${id}:release`);

    const row = await orderRow(id);
    expect(row).toMatchObject({ status: "compensated", failureCode: "fulfillment_unavailable", progress: { released: true, voided: true } });
    expect(row.progress.captured).toBeUndefined();
    expect(summary(await stepsOf(id))).toEqual([
      "authorize#1:succeeded",
      "reserve#1:retrying:503",
      "reserve#2:retrying:503",
      "reserve#3:retrying:503",
      "reserve#4:retrying:503",
      "reserve#5:failed:503",
      "release#1:succeeded:200",
      "void#1:succeeded",
    ]);
    expect((await stepsOf(id)).filter((s) => s.kind === "compensation").map((s) => s.name)).toEqual(["release", "void"]);
    const payment = await paymentOf(id);
    expect(payment).toMatchObject({ status: "canceled", amountReceived: 0n, amountCapturable: 0n });
    expect(await capturesOf(payment.id)).toHaveLength(0);
    expect(await bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).toEqual([]);
    expect(await eventTypes(ctx)).toEqual(["order.created", "order.compensated"]);
  }, 120_000);

  it("a crash after the capture (the executor stopped, a new one started on the same database) resumes at the capture: one charge, one capture", async () => {
    const ctx = await merchantWithHook();
    let deaths = 0;
    setFailpointHandler(async (name) => {
      if (name === "capture.processor:after" && deaths++ === 0) throw new Error("process died");
    });
    const id = await order(ctx);
    await pump();
    expect(deaths).toBe(1);
    expect((await orderRow(id)).status).toBe("processing");
    const payment = await paymentOf(id);
    expect(payment.pendingOperation?.type).toBe("capture"); // captured at the processor, not yet recorded

    // The engine dies with the retry queued; a new one on the same database and clock picks it up.
    await bed.restart();
    await advanceBy(backoffMs(0, () => 0));

    const row = await orderRow(id);
    expect(row.status).toBe("succeeded");
    expect(summary(await stepsOf(id))).toEqual([
      "authorize#1:succeeded",
      "reserve#1:succeeded:200",
      "capture#1:retrying",
      "capture#2:succeeded",
      "confirm#1:succeeded:200",
    ]);
    expect(hits.map((x) => x.action)).toEqual(["reserve", "confirm"]);
    expect(await chargesOf(payment.id)).toHaveLength(1);
    expect(await capturesOf(payment.id)).toHaveLength(1);
    expect(await paymentOf(id)).toMatchObject({ status: "succeeded", amountReceived: 5000n, pendingOperation: null });
    expect((await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  });

  it("confirm refused after the capture: the refund fails twice, then succeeds — exactly one refund, the reservation released", async () => {
    const ctx = await merchantWithHook();
    answer = (action) => (action === "confirm" ? 409 : 200);
    let refundFailures = 0;
    setFailpointHandler(async (name) => {
      if (name === "refund.processor:before" && refundFailures < 2) {
        refundFailures++;
        throw new Error("processor connection reset");
      }
    });
    const id = await order(ctx);
    await pump();
    expect(refundFailures).toBe(1);
    await advanceBy(backoffMs(0, () => 0));
    expect(refundFailures).toBe(2);
    await advanceBy(backoffMs(1, () => 0));

    const row = await orderRow(id);
    expect(row).toMatchObject({ status: "compensated", failureCode: "fulfillment_rejected", progress: { captured: true, refunded: true, released: true } });
    expect(summary(await stepsOf(id))).toEqual([
      "authorize#1:succeeded",
      "reserve#1:succeeded:200",
      "capture#1:succeeded",
      "confirm#1:failed:409",
      "refund#1:retrying",
      "refund#2:retrying",
      "refund#3:succeeded",
      "release#1:succeeded:200",
    ]);
    expect(hits.map((x) => x.action)).toEqual(["reserve", "confirm", "release"]);
    const payment = await paymentOf(id);
    expect(payment).toMatchObject({ status: "succeeded", amountReceived: 5000n, amountRefunded: 5000n });
    const made = await bed.h.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(made.map((r) => [r.id, r.status, r.amount])).toEqual([[row.refundId, "succeeded", 5000n]]);
    const [charge] = await chargesOf(payment.id);
    expect(await bed.h.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.chargeId, charge!.id))).toHaveLength(1);
    expect((await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
    expect(await eventTypes(ctx)).toEqual(["order.created", "order.compensated"]);
  });

  it("the merchant refuses the reservation (4xx): not retried, released and voided at once", async () => {
    const ctx = await merchantWithHook();
    answer = (action) => (action === "reserve" ? 422 : 200);
    const id = await order(ctx);
    await pump();
    expect(hits.map((x) => x.action)).toEqual(["reserve", "release"]);
    expect(await orderRow(id)).toMatchObject({ status: "compensated", failureCode: "fulfillment_rejected" });
    expect(summary(await stepsOf(id))).toEqual(["authorize#1:succeeded", "reserve#1:failed:422", "release#1:succeeded:200", "void#1:succeeded"]);
    expect((await paymentOf(id)).status).toBe("canceled");
    // Later, nothing more: no retry of the refused reservation.
    await advanceBy(10 * 60_000);
    expect(hits).toHaveLength(2);
  });

  it("a compensation that keeps failing: its retries used up, the run fails, onFailure tries once more, then the order fails saying so", async () => {
    const ctx = await merchantWithHook();
    answer = (action) => (action === "reserve" ? 422 : action === "release" ? 503 : 200);
    const id = await order(ctx);
    await pump();
    for (let i = 0; i < 12; i++) await advanceBy(5 * 60_000);

    const row = await orderRow(id);
    expect(row).toMatchObject({ status: "failed", failureCode: "compensation_failed", progress: { voided: true } });
    expect(row.progress.released).toBeUndefined();
    expect(row.failureMessage).toContain("release");
    const steps = await stepsOf(id);
    expect(steps.filter((s) => s.name === "release").map((s) => s.outcome)).toEqual([
      ...["retrying", "retrying", "retrying", "retrying", "failed"], // the run's five tries
      ...["retrying", "failed"], // onFailure's two (the SDK gives it one retry)
    ]);
    expect(summary(steps.filter((s) => s.name !== "release"))).toEqual(["authorize#1:succeeded", "reserve#1:failed:422", "void#1:succeeded"]);
    expect(hits.filter((x) => x.action === "release").every((x) => x.webhookId === `${id}:release` && x.verified)).toBe(true);
    expect((await paymentOf(id)).status).toBe("canceled");
    expect(await eventTypes(ctx)).toEqual(["order.created", "order.failed"]);
  }, 120_000);

  it("a declined card: failed, the merchant never called", async () => {
    const ctx = await merchantWithHook();
    const id = await order(ctx, "pm_card_chargeDeclined");
    await pump();
    await advanceBy(10 * 60_000);
    expect(hits).toEqual([]);
    expect(await orderRow(id)).toMatchObject({ status: "failed", failureCode: "card_declined" });
    expect(summary(await stepsOf(id))).toEqual(["authorize#1:failed"]);
    expect((await paymentOf(id)).status).toBe("requires_payment_method");
    expect(await eventTypes(ctx)).toEqual(["order.created", "order.failed"]);
  });
});
