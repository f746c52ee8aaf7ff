// Routing rules on the money path, on a real PostgreSQL: saved through the verb, applied to new payments
// from the process's compiled copy, recorded on the attempt, and dropped everywhere at the change's commit.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, events, paymentAttempts, sandboxCharges } from "@/db/schema";
import { SANDBOX_B_TENANT_SUFFIX } from "@/lib/gateways/sandbox/connector";
import { NotifiedCache } from "@/lib/cache/notified-cache";
import { createPayment } from "@/lib/payments/create-payment";
import { KassaError } from "@/lib/service/errors";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { evaluateRouting } from "./evaluate-routing";
import { getRoutingRules } from "./get-routing-rules";
import { ROUTING_CHANNEL } from "./routing-cache";
import { updateRoutingRules } from "./update-routing-rules";

const bed = paymentsTestBed("routing");
const { env } = bed;

const pay = (ctx: Awaited<ReturnType<typeof bed.merchant>>, body: Record<string, unknown> = {}) =>
  createPayment({ ctx, input: { amount: 2500, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...body } });
const attemptOf = async (paymentId: string) => (await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paymentId)))[0]!;
const refused = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => {
      if (!(e instanceof KassaError)) throw e;
      return { code: e.code, param: e.param };
    },
  );

describe("routing rules", () => {
  it("until rules are saved, the mode's built-in processor takes every card payment and nothing is recorded", async () => {
    const ctx = await bed.merchant();
    expect(await getRoutingRules({ ctx })).toMatchObject({ object: "routing_rules", version: 0, rules: [], default: { connector: "sandbox" } });
    const payment = await pay(ctx);
    expect(payment.status).toBe("succeeded");
    expect(await attemptOf(payment.id)).toMatchObject({ connector: "sandbox", routing: null });
  });

  it("a saved rule sends matching payments to sandbox_b, whose charge lives in its own state; the attempt records version and rule", async () => {
    const ctx = await bed.merchant();
    const saved = await updateRoutingRules({
      ctx,
      input: { rules: [{ name: "EUR to B", when: { currency: ["eur"] }, route: { connector: "sandbox_b" } }], default: { connector: "sandbox" } },
    });
    expect(saved).toMatchObject({ version: 1, rules: [{ name: "EUR to B" }] });

    const eur = await pay(ctx, { currency: "eur" });
    const usd = await pay(ctx);
    expect([eur.status, usd.status]).toEqual(["succeeded", "succeeded"]);
    expect(await attemptOf(eur.id)).toMatchObject({
      connector: "sandbox_b",
      routing: { version: 1, rule: { index: 0, name: "EUR to B" }, candidates: ["sandbox_b", "sandbox"] },
    });
    expect(await attemptOf(usd.id)).toMatchObject({ connector: "sandbox", routing: { version: 1, rule: null, candidates: ["sandbox"] } });
    // sandbox_b files its charge under its own tenant: sandbox A holds none for the EUR payment.
    const charges = await bed.charges(eur.id);
    expect(charges.map((c) => c.merchantId)).toEqual([`${ctx.merchantId}${SANDBOX_B_TENANT_SUFFIX}`]);

    // The change is audited and announced, like every change.
    const audits = await env.h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, "routing_rules.updated")));
    expect(audits).toHaveLength(1);
    const announced = await env.h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "routing_rules.updated")));
    expect(announced).toHaveLength(1);
  });

  it("a new version applies to the very next payment on this instance (its compiled copy is dropped at the commit)", async () => {
    const ctx = await bed.merchant();
    await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox_b" } } });
    expect((await attemptOf((await pay(ctx)).id)).connector).toBe("sandbox_b");
    await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox" } } });
    const next = await attemptOf((await pay(ctx)).id);
    expect(next).toMatchObject({ connector: "sandbox", routing: { version: 2 } });
  });

  it("another instance's compiled copy is dropped by the change's NOTIFY, at commit", async () => {
    const ctx = await bed.merchant();
    const other = new NotifiedCache<{ merchantId: string }>(env.h.listen!, {
      channel: ROUTING_CHANNEL,
      label: "test",
      merchantOf: (v) => v.merchantId,
      ttlMs: 60_000,
      maxEntries: 10,
    });
    await other.start();
    try {
      other.set(`${ctx.merchantId}:test`, { merchantId: ctx.merchantId }, other.token(), Date.now());
      expect(other.get(`${ctx.merchantId}:test`, Date.now())).toBeDefined();
      await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox_b" } } });
      await expect.poll(() => other.get(`${ctx.merchantId}:test`, Date.now()), { timeout: 5000 }).toBeUndefined();
    } finally {
      await other.stop();
    }
  });

  it("a token only one processor knows (a card the sandbox saved) is never routed away from it", async () => {
    const ctx = await bed.merchant();
    await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox_b" } } });
    const { createCustomer } = await import("@/lib/customers/create-customer");
    const { attachPaymentMethod } = await import("@/lib/customers/attach-payment-method");
    const customer = await createCustomer({ ctx, input: { email: "saved@example.test" } });
    const card = await attachPaymentMethod({ ctx, id: "pm_card_visa", input: { customer: customer.id } });
    const payment = await pay(ctx, { customer: customer.id, payment_method: card.id });
    expect(payment.status).toBe("succeeded");
    expect(await attemptOf(payment.id)).toMatchObject({ connector: "sandbox", routing: null });
  });

  it("refuses a rule naming a connector the mode lacks, or a split not adding up to 100, and stores nothing", async () => {
    const ctx = await bed.merchant();
    expect(
      await refused(updateRoutingRules({ ctx, input: { rules: [{ when: {}, route: { connector: "adyen" } }], default: { connector: "sandbox" } } })),
    ).toEqual({
      code: "routing_rule_invalid",
      param: "rules[0][route][connector]",
    });
    expect(
      await refused(
        updateRoutingRules({
          ctx,
          input: {
            rules: [],
            default: {
              split: [
                { connector: "sandbox", weight: 70 },
                { connector: "sandbox_b", weight: 20 },
              ],
            },
          },
        }),
      ),
    ).toEqual({ code: "routing_rule_invalid", param: "default[split]" });
    // Live mode has no sandboxes.
    expect(await refused(updateRoutingRules({ ctx: { ...ctx, livemode: true }, input: { rules: [], default: { connector: "sandbox" } } }))).toEqual({
      code: "routing_rule_invalid",
      param: "default[connector]",
    });
    expect(await getRoutingRules({ ctx })).toMatchObject({ version: 0 });
  });

  it("an analyst reads and tests the rules but cannot change them", async () => {
    const ctx = { ...(await bed.merchant()), role: "analyst" as const };
    await expect(getRoutingRules({ ctx })).resolves.toMatchObject({ object: "routing_rules" });
    await expect(evaluateRouting({ ctx, input: { amount: 100, currency: "usd" } })).resolves.toMatchObject({ connector: "sandbox", built_in: true });
    expect(await refused(updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox" } } }))).toMatchObject({ code: "permission_denied" });
  });

  it("the tester answers which connector a payment would use, for the saved rules or a draft", async () => {
    const ctx = await bed.merchant();
    await updateRoutingRules({
      ctx,
      input: { rules: [{ name: "amex", when: { card_brand: ["amex"] }, route: { connector: "sandbox_b" } }], default: { connector: "sandbox" } },
    });
    expect(await evaluateRouting({ ctx, input: { amount: 100, currency: "usd", payment_method: "pm_card_amex" } })).toEqual({
      object: "routing_decision",
      livemode: false,
      connector: "sandbox_b",
      rule: { index: 0, name: "amex" },
      candidates: ["sandbox_b", "sandbox"],
      version: 1,
      built_in: false,
    });
    const draft = { rules: [], default: { connector: "sandbox_b" } };
    expect(await evaluateRouting({ ctx, input: { amount: 100, currency: "usd", payment_method: "pm_card_amex", rules: draft } })).toMatchObject({
      connector: "sandbox_b",
      rule: null,
      version: null,
    });
    // Nothing was saved by testing a draft.
    expect(await getRoutingRules({ ctx })).toMatchObject({ version: 1 });
  });

  it("the sandbox_b charge is found by the money path again (capture of a manual payment goes to B)", async () => {
    const ctx = await bed.merchant();
    await updateRoutingRules({ ctx, input: { rules: [], default: { connector: "sandbox_b" } } });
    const payment = await pay(ctx, { capture_method: "manual" });
    expect(payment.status).toBe("requires_capture");
    const { capturePayment } = await import("@/lib/payments/capture-payment");
    const captured = await capturePayment({ ctx, id: payment.id, input: {} });
    expect(captured.status).toBe("succeeded");
    const [charge] = await env.h.db.select().from(sandboxCharges).where(eq(sandboxCharges.paymentId, payment.id));
    expect(charge).toMatchObject({ status: "succeeded", merchantId: `${ctx.merchantId}${SANDBOX_B_TENANT_SUFFIX}` });
  });
});

checksTheBooks(env);
