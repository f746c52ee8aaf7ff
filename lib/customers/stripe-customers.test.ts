// Customers and saved cards on Stripe: setup, then an off-session charge with the saved card, and
// detach — through the real SDK against the Stripe double, asserting what Stripe received.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { customers, journalEntries } from "@/db/schema";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { apiMerchant, stripeTestBed } from "@/test/stripe";
import { attachPaymentMethod } from "./attach-payment-method";
import { createCustomer } from "./create-customer";
import { createSetupIntent } from "./create-setup-intent";
import { deleteCustomer } from "./delete-customer";
import { detachPaymentMethod } from "./detach-payment-method";
import { updateCustomer } from "./update-customer";

const env = stripeTestBed("stripe_cus");

describe("customers and saved cards on Stripe", () => {
  it("setup then charge off-session with the saved card, then detach", async () => {
    const ctx = await apiMerchant(env.h.db);
    const cus = await createCustomer({ ctx, input: { email: "buyer@example.test", name: "Buyer" } });
    const [createCus] = env.double.requestsTo(/^\/customers$/, "POST");
    expect(createCus).toMatchObject({
      idempotencyKey: `customer:${cus.id}`,
      params: {
        email: "buyer@example.test",
        name: "Buyer",
        metadata: { kassa_customer_id: cus.id, kassa_merchant_id: ctx.merchantId, kassa_livemode: "false" },
      },
    });
    const stripeCus = [...env.double.state.customers.keys()][0]!;
    expect((await env.h.db.select().from(customers).where(eq(customers.id, cus.id)))[0]!.processorId).toBe(stripeCus);

    const seti = await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_visa" } });
    expect(seti).toMatchObject({ status: "succeeded", client_secret: expect.stringMatching(/^seti_.+_secret_/) });
    const [setup] = env.double.requestsTo(/^\/setup_intents$/, "POST");
    expect(setup).toMatchObject({
      idempotencyKey: seti.id,
      params: {
        customer: stripeCus,
        payment_method: "pm_card_visa",
        confirm: "true",
        usage: "off_session",
        metadata: { kassa_setup_intent_id: seti.id, kassa_customer_id: cus.id },
      },
    });
    const savedPm = seti.payment_method!;
    expect(savedPm).toMatch(/^pm_/);
    expect(env.double.state.paymentMethods.get(savedPm)!.customer).toBe(stripeCus);

    const paid = await createPayment({ ctx, input: { amount: 4200, currency: "usd", customer: cus.id, payment_method: savedPm, confirm: true } });
    expect(paid).toMatchObject({ status: "succeeded", customer: cus.id });
    const [pi] = env.double.requestsTo(/^\/payment_intents$/, "POST");
    expect(pi!.params).toMatchObject({
      customer: stripeCus,
      payment_method: savedPm,
      off_session: "true",
      confirm: "true",
      capture_method: "automatic",
      metadata: { kassa_payment_id: paid.id },
    });
    expect(pi!.idempotencyKey).toBe(paid.latest_attempt);
    const entries = await env.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));
    expect(entries.map((e) => e.key)).toEqual([`capture:${paid.id}`]);
    expect((await checkMoneyInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);

    await updateCustomer({ ctx, id: cus.id, input: { invoice_settings: { default_payment_method: savedPm } } });
    expect((env.double.state.customers.get(stripeCus)!.invoice_settings as { default_payment_method: string }).default_payment_method).toBe(savedPm);

    const detached = await detachPaymentMethod({ ctx, id: savedPm });
    expect(detached.customer).toBeNull();
    const [detach] = env.double.requestsTo(/\/detach$/, "POST");
    expect(detach!.path).toBe(`/payment_methods/${savedPm}/detach`);
    expect(detach!.idempotencyKey).toMatch(new RegExp(`^detach:${savedPm}:`));
    expect(env.double.state.paymentMethods.get(savedPm)!.customer).toBeNull();
  });

  it("an off-session card that needs 3D Secure is declined with authentication_required", async () => {
    const ctx = await apiMerchant(env.h.db);
    const cus = await createCustomer({ ctx, input: {} });
    const pm = await attachPaymentMethod({ ctx, id: "pm_card_authenticationRequired", input: { customer: cus.id } });
    const err = await createPayment({ ctx, input: { amount: 1000, currency: "usd", customer: cus.id, payment_method: pm.id, confirm: true } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "authentication_required" });
  });

  it("a customer made while Stripe failed gets its Stripe twin on first use, once", async () => {
    const ctx = await apiMerchant(env.h.db);
    env.double.fail({ method: "POST", path: /^\/customers$/, kind: "500" });
    const cus = await createCustomer({ ctx, input: { email: "late@example.test" } });
    expect((await env.h.db.select().from(customers).where(eq(customers.id, cus.id)))[0]!.processorId).toBeNull();
    await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_visa" } });
    expect(env.double.state.customers.size).toBe(1);
    expect(env.double.requestsTo(/^\/customers$/, "POST").map((r) => [r.idempotencyKey, r.outcome])).toEqual([
      [`customer:${cus.id}`, "500"],
      [`customer:${cus.id}`, "answered"],
    ]);
    await deleteCustomer({ ctx, id: cus.id });
    expect(env.double.state.customers.size).toBe(0);
  });
});
