// Failover on a real PostgreSQL: a connector that refuses before accepting anything hands the payment to the
// next one of its routing; an unknown outcome never does (it is reconciled first), so no payment is ever
// charged on two connectors.
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { paymentAttempts, sandboxCharges } from "@/db/schema";
import { configureSandbox, seededRandom } from "@/lib/gateways/sandbox/config";
import { SANDBOX_B_TENANT_SUFFIX } from "@/lib/gateways/sandbox/connector";
import { updateRoutingRules } from "@/lib/routing/update-routing-rules";
import { systemActor } from "@/lib/service/context";
import { errorCodeOf } from "@/test/fixtures";
import { checksTheBooks, later, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";
import { settlePayment } from "./settle-payment";

const bed = paymentsTestBed("failover");
const { env } = bed;
const restores: (() => void)[] = [];
afterEach(() => restores.splice(0).forEach((r) => r()));
const knobs = (instance: "sandbox" | "sandbox_b", config: Parameters<typeof configureSandbox>[0]) => restores.push(configureSandbox(config, instance));

const input = (over: Record<string, unknown> = {}) => ({ amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...over });
const attempts = (paymentId: string) =>
  env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paymentId)).orderBy(asc(paymentAttempts.id));
/** Which connectors hold a charge for the payment (sandbox_b files its charges under its own tenant). */
const chargedOn = async (paymentId: string) =>
  (await env.h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, paymentId))).map((c) =>
    c.merchantId.endsWith(SANDBOX_B_TENANT_SUFFIX) ? "sandbox_b" : "sandbox",
  );

async function routedMerchant() {
  const ctx = await bed.merchant();
  await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox" } } });
  await updateRoutingRules({
    ctx,
    input: {
      rules: [],
      default: {
        split: [
          { connector: "sandbox", weight: 99 },
          { connector: "sandbox_b", weight: 1 },
        ],
      },
    },
  });
  return ctx;
}

describe("failover", () => {
  it("A refuses before accepting anything → the same request succeeds on B; A's attempt failed, retryable, and A holds nothing", async () => {
    const ctx = await routedMerchant();
    knobs("sandbox", { unavailableRate: 1 });
    // A payment that the 99/1 split sends to sandbox first.
    let payment = await createPayment({ ctx, input: input() });
    for (let i = 0; (await attempts(payment.id))[0]!.connector !== "sandbox" && i < 20; i++) payment = await createPayment({ ctx, input: input() });
    expect(payment.status).toBe("succeeded");
    const [first, second] = await attempts(payment.id);
    expect(first).toMatchObject({ connector: "sandbox", status: "failed", failure: { code: "processor_unavailable", retryable: true } });
    expect(second).toMatchObject({ connector: "sandbox_b", status: "succeeded", routing: { candidates: ["sandbox", "sandbox_b"] } });
    expect(payment.latest_attempt).toBe(second!.id);
    expect(await chargedOn(payment.id)).toEqual(["sandbox_b"]);
  });

  it("every connector refuses → processing_error (402), the payment awaits another try, nothing charged", async () => {
    const ctx = await routedMerchant();
    knobs("sandbox", { unavailableRate: 1 });
    knobs("sandbox_b", { unavailableRate: 1 });
    expect(await errorCodeOf(createPayment({ ctx, input: input() }))).toBe("processing_error");
    const [row] = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.merchantId, ctx.merchantId));
    const payments = await attempts(row!.paymentId);
    expect(payments.map((a) => a.status)).toEqual(["failed", "failed"]);
    expect(await chargedOn(row!.paymentId)).toEqual([]);
  });

  it("an unknown outcome on A never moves the payment to B: it stays processing until reconciled on A", async () => {
    const ctx = await routedMerchant();
    knobs("sandbox", { faultRate: 1, random: () => 0.9 }); // every call: written, then the answer lost
    let payment = await createPayment({ ctx, input: input() });
    for (let i = 0; (await attempts(payment.id))[0]!.connector !== "sandbox" && i < 20; i++) payment = await createPayment({ ctx, input: input() });
    expect(payment.status).toBe("processing");
    expect((await attempts(payment.id)).map((a) => [a.connector, a.status])).toEqual([["sandbox", "unknown"]]);
    restores.splice(0).forEach((r) => r());
    expect(await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: payment.id, now: later() })).toEqual({
      status: "succeeded",
      done: true,
    });
    expect(await chargedOn(payment.id)).toEqual(["sandbox"]);
  });

  it("1,000 randomized payments with faults on both connectors: none is charged on two, none twice", async () => {
    const ctx = await bed.merchant();
    await updateRoutingRules({
      ctx,
      input: {
        rules: [],
        default: {
          split: [
            { connector: "sandbox", weight: 50 },
            { connector: "sandbox_b", weight: 50 },
          ],
        },
      },
    });
    knobs("sandbox", { unavailableRate: 0.3, faultRate: 0.1, random: seededRandom(21) });
    knobs("sandbox_b", { unavailableRate: 0.3, faultRate: 0.1, random: seededRandom(42) });
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const p = await createPayment({ ctx, input: input({ amount: 1000 + i }) }).catch(() => null);
      if (p) ids.push(p.id);
    }
    restores.splice(0).forEach((r) => r());
    // Reconcile every payment left with an unknown outcome, on the connector that holds its attempt.
    const all = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.merchantId, ctx.merchantId));
    const paymentIds = [...new Set(all.map((a) => a.paymentId))];
    for (const id of paymentIds) await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: id, now: later() });
    let twice = 0;
    let both = 0;
    for (const id of paymentIds) {
      const on = await chargedOn(id);
      if (on.length > 1) twice++;
      if (new Set(on).size > 1) both++;
    }
    expect({ payments: paymentIds.length >= 1000, twice, both }).toEqual({ payments: true, twice: 0, both: 0 });
    // Failover happened, and so did unknown outcomes: the run exercised both paths.
    expect(all.filter((a) => a.failure?.code === "processor_unavailable").length).toBeGreaterThan(100);
    expect(all.filter((a) => a.outcomeUnknownAt !== null).length).toBeGreaterThan(20);
  }, 300_000);
});

describe("books", () => checksTheBooks(env));
