// Customers, saved cards and off-session charges on the sandbox, at service level on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events, paymentMethods, payments } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { freshPostgres } from "@/test/db";
import { crashThenRetry as retryAfterCrash } from "@/test/idempotency";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { attachPaymentMethod } from "./attach-payment-method";
import { createCustomer } from "./create-customer";
import { createSetupIntent } from "./create-setup-intent";
import { deleteCustomer } from "./delete-customer";
import { detachPaymentMethod } from "./detach-payment-method";
import { getCustomer } from "./get-customer";
import { listCustomers } from "./list-customers";
import { getPaymentMethod, listCustomerPaymentMethods } from "./list-payment-methods";
import { updateCustomer } from "./update-customer";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("cust");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = (role?: "analyst") => makeMerchantContext(h.db, { role });

const crashThenRetry = <T>(ctx: ServiceContext, path: string, verb: (ctx: ServiceContext) => Promise<T>) => retryAfterCrash(h.db, ctx, path, verb);

const eventTypes = async (ctx: ServiceContext) =>
  (await h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).orderBy(events.id)).map((e) => e.type);

describe("customers", () => {
  it("create, read, update, list with cursors, delete — each with its event and audit row", async () => {
    const ctx = await merchant();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createCustomer({ ctx, input: { email: `c${i}@example.test`, name: `C ${i}`, metadata: { n: String(i) } } }));
    expect(made[0]).toMatchObject({ object: "customer", email: "c0@example.test", invoice_settings: { default_payment_method: null }, livemode: false });
    expect(await getCustomer({ ctx, id: made[1]!.id })).toEqual(made[1]);
    const updated = await updateCustomer({ ctx, id: made[1]!.id, input: { name: "Renamed", email: "", metadata: { extra: "1" } } });
    expect(updated).toMatchObject({ name: "Renamed", email: null, metadata: { n: "1", extra: "1" } });
    const page = await listCustomers({ ctx, input: { limit: 2 }, url: "/api/v1/customers" });
    expect(page).toMatchObject({ object: "list", has_more: true });
    expect(page.data.map((c) => c.id)).toEqual([made[2]!.id, made[1]!.id]);
    const next = await listCustomers({ ctx, input: { limit: 2, starting_after: made[1]!.id }, url: "/api/v1/customers" });
    expect(next.data.map((c) => c.id)).toEqual([made[0]!.id]);
    expect((await listCustomers({ ctx, input: { email: "c2@example.test" }, url: "/x" })).data.map((c) => c.id)).toEqual([made[2]!.id]);
    expect(await deleteCustomer({ ctx, id: made[0]!.id })).toEqual({ id: made[0]!.id, object: "customer", deleted: true });
    expect(await code(getCustomer({ ctx, id: made[0]!.id }))).toBe("resource_missing");
    expect(await code(deleteCustomer({ ctx, id: made[0]!.id }))).toBe("resource_missing");
    expect(await eventTypes(ctx)).toEqual(["customer.created", "customer.created", "customer.created", "customer.updated", "customer.deleted"]);
    const [updateEvent] = await h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "customer.updated")));
    expect(updateEvent!.data.previous_attributes).toEqual({ name: "C 1", email: "c1@example.test", metadata: { n: "1" } });
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.targetType, "customer")));
    expect(audit.map((a) => a.action).sort()).toEqual(["customer.created", "customer.created", "customer.created", "customer.deleted", "customer.updated"]);
  });

  it("another merchant's customer is not found; a read-only role cannot write", async () => {
    const a = await merchant();
    const b = await merchant();
    const cus = await createCustomer({ ctx: a, input: { email: "a@example.test" } });
    expect(await code(getCustomer({ ctx: b, id: cus.id }))).toBe("resource_missing");
    expect(await code(updateCustomer({ ctx: b, id: cus.id, input: { name: "x" } }))).toBe("resource_missing");
    expect(await code(deleteCustomer({ ctx: b, id: cus.id }))).toBe("resource_missing");
    expect(await code(listCustomerPaymentMethods({ ctx: b, id: cus.id, input: {}, url: "/x" }))).toBe("resource_missing");
    expect(await code(createSetupIntent({ ctx: b, input: { customer: cus.id, payment_method: "pm_card_visa" } }))).toBe("resource_missing");
    expect(await code(attachPaymentMethod({ ctx: b, id: "pm_card_visa", input: { customer: cus.id } }))).toBe("resource_missing");
    expect((await listCustomers({ ctx: b, input: {}, url: "/x" })).data).toEqual([]);
    expect(await code(getCustomer({ ctx: { ...a, livemode: true }, id: cus.id }))).toBe("resource_missing");
    const analyst = await merchant("analyst");
    const { ctx: owner } = { ctx: { ...analyst, role: "owner" as const } };
    const mine = await createCustomer({ ctx: owner, input: {} });
    expect(await code(createCustomer({ ctx: { ...analyst, actor: { type: "user", id: "usr_x" } }, input: {} }))).toBe("permission_denied");
    expect(await getCustomer({ ctx: { ...analyst, actor: { type: "user", id: "usr_x" } }, id: mine.id })).toMatchObject({ id: mine.id });
  });
});

describe("saved cards and off-session charges (sandbox)", () => {
  it("a setup saves only the card's token and display details; the card then pays off-session", async () => {
    const ctx = await merchant();
    const cus = await createCustomer({ ctx, input: { email: "buyer@example.test" } });
    const seti = await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_visa" } });
    expect(seti).toMatchObject({ object: "setup_intent", status: "succeeded", customer: cus.id, usage: "off_session" });
    const pm = await getPaymentMethod({ ctx, id: seti.payment_method! });
    expect(pm).toMatchObject({ customer: cus.id, card: { brand: "visa", last4: "4242" } });
    const [row] = await h.db.select().from(paymentMethods).where(eq(paymentMethods.id, pm.id));
    expect(Object.keys(row!.card).sort()).toEqual(["brand", "country", "exp_month", "exp_year", "fingerprint", "funding", "last4"]);
    expect(JSON.stringify(row)).not.toMatch(/4242424242424242/);

    const paid = await createPayment({ ctx, input: { amount: 1999, currency: "usd", customer: cus.id, payment_method: pm.id, confirm: true } });
    expect(paid).toMatchObject({ status: "succeeded", customer: cus.id, payment_method: pm.id });
    expect((await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);

    await updateCustomer({ ctx, id: cus.id, input: { invoice_settings: { default_payment_method: pm.id } } });
    expect((await getCustomer({ ctx, id: cus.id })).invoice_settings.default_payment_method).toBe(pm.id);

    // Without its customer, with another one, or after detaching, the card cannot be charged.
    const other = await createCustomer({ ctx, input: {} });
    expect(await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: pm.id, confirm: true } }))).toBe(
      "payment_method_unexpected_state",
    );
    expect(await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", customer: other.id, payment_method: pm.id, confirm: true } }))).toBe(
      "payment_method_unexpected_state",
    );
    const detached = await detachPaymentMethod({ ctx, id: pm.id });
    expect(detached.customer).toBeNull();
    expect((await getCustomer({ ctx, id: cus.id })).invoice_settings.default_payment_method).toBeNull();
    expect(await code(createPayment({ ctx, input: { amount: 1000, currency: "usd", customer: cus.id, payment_method: pm.id, confirm: true } }))).toBe(
      "payment_method_unexpected_state",
    );
    expect(await code(detachPaymentMethod({ ctx, id: pm.id }))).toBe("payment_method_unexpected_state");
    expect((await listCustomerPaymentMethods({ ctx, id: cus.id, input: {}, url: "/x" })).data).toEqual([]);
    expect(await eventTypes(ctx)).toEqual(expect.arrayContaining(["payment_method.attached", "setup_intent.succeeded", "payment_method.detached"]));
  });

  it("a declined card is not saved (402 card_declined, the setup awaits another card)", async () => {
    const ctx = await merchant();
    const cus = await createCustomer({ ctx, input: {} });
    const err = await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_chargeDeclinedInsufficientFunds" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "card_declined", declineCode: "insufficient_funds" });
    expect(await h.db.select().from(paymentMethods).where(eq(paymentMethods.merchantId, ctx.merchantId))).toEqual([]);
    expect(await eventTypes(ctx)).toContain("setup_intent.setup_failed");
  });

  it("attach: a test token becomes a new saved card; another merchant's card or customer is not found", async () => {
    const a = await merchant();
    const b = await merchant();
    const cusA = await createCustomer({ ctx: a, input: {} });
    const cusB = await createCustomer({ ctx: b, input: {} });
    const pm = await attachPaymentMethod({ ctx: a, id: "pm_card_mastercard", input: { customer: cusA.id } });
    expect(pm).toMatchObject({ customer: cusA.id, card: { brand: "mastercard", last4: "4444" } });
    expect(pm.id).not.toBe("pm_card_mastercard");
    // Attaching again to the same customer answers the same card.
    expect((await attachPaymentMethod({ ctx: a, id: pm.id, input: { customer: cusA.id } })).id).toBe(pm.id);
    expect(await code(attachPaymentMethod({ ctx: b, id: pm.id, input: { customer: cusB.id } }))).toBe("resource_missing");
    expect(await code(attachPaymentMethod({ ctx: a, id: pm.id, input: { customer: cusB.id } }))).toBe("resource_missing");
    expect(await code(detachPaymentMethod({ ctx: b, id: pm.id }))).toBe("resource_missing");
    expect(await code(createPayment({ ctx: b, input: { amount: 1000, currency: "usd", customer: cusB.id, payment_method: pm.id, confirm: true } }))).toBe(
      "resource_missing",
    );
    const cusA2 = await createCustomer({ ctx: a, input: {} });
    expect(await code(attachPaymentMethod({ ctx: a, id: pm.id, input: { customer: cusA2.id } }))).toBe("payment_method_unexpected_state");
    expect(await code(createPayment({ ctx: a, input: { amount: 1000, currency: "usd", customer: "cus_missing", payment_method: "pm_card_visa" } }))).toBe(
      "resource_missing",
    );
    expect(await h.db.select().from(payments).where(eq(payments.merchantId, b.merchantId))).toEqual([]);
  });

  it("update, attach and detach store their answer in their own commit: a retry after a crash replays it, with no second event", async () => {
    const ctx = await merchant();
    const cus = await createCustomer({ ctx, input: {} });
    const updated = await crashThenRetry(ctx, `/api/v1/customers/${cus.id}`, (c) => updateCustomer({ ctx: c, id: cus.id, input: { name: "Once" } }));
    expect(updated.retry).toEqual({ kind: "replay", status: 200, body: updated.first, text: JSON.stringify(updated.first) });
    const attached = await crashThenRetry(ctx, "/api/v1/payment_methods/pm_card_visa/attach", (c) =>
      attachPaymentMethod({ ctx: c, id: "pm_card_visa", input: { customer: cus.id } }),
    );
    expect(attached.retry).toMatchObject({ kind: "replay", status: 200, body: { id: attached.first.id, customer: cus.id } });
    const pm = attached.first.id;
    const detached = await crashThenRetry(ctx, `/api/v1/payment_methods/${pm}/detach`, (c) => detachPaymentMethod({ ctx: c, id: pm }));
    expect(detached.retry).toMatchObject({ kind: "replay", status: 200, body: { id: pm, customer: null } });
    expect((await eventTypes(ctx)).filter((t) => t !== "customer.created")).toEqual(["customer.updated", "payment_method.attached", "payment_method.detached"]);
  });
});
