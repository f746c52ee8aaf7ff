// Every object schema (lib/openapi/objects.ts) against real objects: made by the real verbs on a real
// PostgreSQL with the sandbox processor, then parsed by the strict schema, so a field the serializer sends
// and the schema lacks (or the reverse, or a wrong type, prefix or enum value) fails here as well as in tsc.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { ZodType } from "zod";
import { alerts, events, reviews } from "@/db/schema";
import { getAccount } from "@/lib/accounts/get-account";
import { getAlertSettings } from "@/lib/alerts/get-alert-settings";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { createPortalSession } from "@/lib/billing-portal/create-portal-session";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";
import { getCustomer } from "@/lib/customers/get-customer";
import { getPaymentMethod } from "@/lib/customers/list-payment-methods";
import { openSandboxDispute } from "@/lib/disputes/open-sandbox-dispute";
import { getDispute } from "@/lib/disputes/get-dispute";
import { openEscrowDispute } from "@/lib/escrow/open-escrow-dispute";
import { listEvents } from "@/lib/events/list-events";
import { serializeEvent } from "@/lib/events/serialize-event";
import { createRule } from "@/lib/fraud/create-rule";
import { createValueList } from "@/lib/fraud/create-value-list";
import { createValueListItem } from "@/lib/fraud/create-value-list-item";
import { getReview } from "@/lib/fraud/get-review";
import { getValueList } from "@/lib/fraud/get-value-list";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { previewUpcomingInvoice } from "@/lib/invoices/preview-upcoming-invoice";
import { getBalance } from "@/lib/ledger/get-balance";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import { createFulfillmentHook } from "@/lib/orders/create-fulfillment-hook";
import { createOrder } from "@/lib/orders/create-order";
import { getOrder } from "@/lib/orders/get-order";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { createPayment } from "@/lib/payments/create-payment";
import { createPayout } from "@/lib/payouts/create-payout";
import { getPayoutSettings, updatePayoutSettings } from "@/lib/payouts/payout-settings";
import { createRefund } from "@/lib/refunds/create-refund";
import { systemActor } from "@/lib/service/context";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { getUpiSettings } from "@/lib/upi/get-upi-settings";
import { validateVpa } from "@/lib/upi/validate-vpa";
import { createDeliveries } from "@/lib/webhooks/create-deliveries";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { makeCustomer, makePrice } from "@/test/billing";
import { makeMerchant } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { fundAvailable } from "@/test/payouts";
import { ObjectSchemas, type ObjectName } from "./objects";

const bed = paymentsTestBed("openapi_objects");
const { env } = bed;

/** Parses with the schema (strict objects: an extra field fails) and names the object on failure. */
function conforms(name: ObjectName | ZodType, value: unknown) {
  const schema = typeof name === "string" ? (ObjectSchemas[name] as ZodType) : name;
  const result = schema.safeParse(value);
  expect(result.success ? [] : result.error.issues, `${typeof name === "string" ? name : "object"}: ${JSON.stringify(value).slice(0, 400)}`).toEqual([]);
}

/** An event's data.object by its type's prefix (the document's webhooks name the same objects). */
const EVENT_OBJECTS: [string, ObjectName][] = [
  ["customer.subscription.", "Subscription"],
  ["customer.", "Customer"],
  ["payment_method.", "PaymentMethod"],
  ["payment_link.", "PaymentLink"],
  ["payment.", "Payment"],
  ["refund.", "Refund"],
  ["setup_intent.", "SetupIntent"],
  ["dispute.", "Dispute"],
  ["review.", "Review"],
  ["escrow.", "Payment"],
  ["checkout.session.", "CheckoutSession"],
  ["product.", "Product"],
  ["price.", "Price"],
  ["invoice.", "Invoice"],
  ["payout.", "Payout"],
  ["order.", "Order"],
  ["webhook_endpoint.", "WebhookEndpoint"],
  ["account.external_account.", "BankAccount"],
];

describe("the API's object schemas parse what the serializers send", () => {
  it("payments (card, 3DS next_action, UPI, escrow with a dispute, declined), refunds, reviews, disputes, balance", async () => {
    const ctx = await bed.merchant();
    const card = await createPayment({
      ctx,
      input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true, metadata: { order: "42" }, receipt_email: "a@example.test" },
    });
    conforms("Payment", card);
    expect(card.payment_method_details?.type).toBe("card");
    // Strict: a field more, a field less, a wrong prefix or a decimal amount is refused.
    expect(ObjectSchemas.Payment.safeParse({ ...card, extra: 1 }).success).toBe(false);
    const { fee: _fee, ...withoutFee } = card;
    expect(ObjectSchemas.Payment.safeParse(withoutFee).success).toBe(false);
    expect(ObjectSchemas.Payment.safeParse({ ...card, id: `re_${card.id.slice(4)}` }).success).toBe(false);
    expect(ObjectSchemas.Payment.safeParse({ ...card, amount: 42.5 }).success).toBe(false);
    const threeDs = await createPayment({
      ctx,
      input: { amount: 1000, currency: "usd", payment_method: "pm_card_authenticationRequired", confirm: true, return_url: "https://shop.test/back" },
    });
    conforms("Payment", threeDs);
    expect(threeDs.next_action?.type).toBe("redirect_to_url");
    conforms("Payment", await createPayment({ ctx, input: { amount: 1000, currency: "usd" } }));
    const declined = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true } }).catch(
      () => null,
    );
    expect(declined).toBeNull(); // a decline answers 402; its payment (last_payment_error set) is checked through its events below
    const upi = await createPayment({
      ctx,
      input: { amount: 30_000, currency: "inr", payment_method_types: ["upi"], confirm: true, payment_method_options: { upi: { flow: "intent" } } },
    });
    conforms("Payment", upi);
    expect(upi.next_action?.type).toBe("upi_intent");
    const escrowed = await createPayment({
      ctx,
      input: { amount: 10_000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow: { release_after_days: 7 } },
    });
    conforms("Payment", escrowed);
    conforms("Payment", await openEscrowDispute({ ctx, id: escrowed.id, input: { reason: "not delivered" } }));
    const manual = await createPayment({
      ctx,
      input: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" },
    });
    conforms("Payment", manual);

    conforms("Refund", await createRefund({ ctx, input: { payment: card.id, amount: 1000, reason: "requested_by_customer", metadata: { why: "size" } } }));

    const risky = await createPayment({ ctx, input: { amount: 4200, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true } });
    conforms("Payment", risky);
    const [review] = await env.h.db.select().from(reviews).where(eq(reviews.paymentId, risky.id));
    conforms("Review", await getReview({ ctx, id: review!.id }));

    const disputed = await createPayment({ ctx, input: { amount: 20_000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    const dispute = (await openSandboxDispute({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: disputed.id }))!;
    conforms("Dispute", await getDispute({ ctx, id: dispute.id }));

    conforms("Balance", await getBalance({ ctx }));
    const txns = await listBalanceTransactions({ ctx, input: {} });
    expect(txns.data.length).toBeGreaterThan(0);
    for (const t of txns.data) conforms("BalanceTransaction", t);
  });

  it("customers, payment methods, setup intents, billing: products, prices, subscriptions, invoices, the upcoming one, portal sessions", async () => {
    const ctx = await bed.merchant();
    const price = await makePrice(ctx, { amount: 2500, name: "Team" });
    conforms("Price", price);
    const { customer, paymentMethod } = await makeCustomer(ctx);
    conforms("Customer", await getCustomer({ ctx, id: customer }));
    conforms("PaymentMethod", await getPaymentMethod({ ctx, id: paymentMethod! }));
    conforms("SetupIntent", await createSetupIntent({ ctx, input: { customer, payment_method: "pm_card_visa" } }));
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id, quantity: 2 }], metadata: { plan: "team" } } });
    conforms("Subscription", sub);
    conforms("Invoice", await getInvoice({ ctx, id: sub.latest_invoice! }));
    conforms("UpcomingInvoice", await previewUpcomingInvoice({ ctx, input: { subscription: sub.id } }));
    conforms("BillingPortalSession", await createPortalSession({ ctx, input: { customer } }));
    const { customer: noCard } = await makeCustomer(ctx, null);
    const incomplete = await createSubscription({ ctx, input: { customer: noCard, items: [{ price: price.id }] } });
    conforms("Subscription", incomplete);
    conforms("Invoice", await getInvoice({ ctx, id: incomplete.latest_invoice! }));
  });

  it("checkout sessions, payment links, orders and hooks, payouts, bank accounts, settings, radar, webhooks, account, and every event's object", async () => {
    const ctx = await bed.merchant();
    conforms(
      "CheckoutSession",
      await createCheckoutSession({ ctx, input: { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/no" } }),
    );
    conforms("PaymentLink", await createPaymentLink({ ctx, input: { amount: 1500, currency: "eur", description: "Yoga class", quantity: 2 } }));
    conforms("PaymentLink", await createPaymentLink({ ctx, input: { currency: "usd", description: "Tip" } }));

    const hook = await createFulfillmentHook({
      ctx,
      input: { reserve_url: "https://shop.test/reserve", confirm_url: "https://shop.test/confirm", release_url: "https://shop.test/release" },
    });
    conforms("FulfillmentHook", hook);
    const order = await createOrder({
      ctx,
      input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", items: [{ name: "Lamp", quantity: 1, amount: 5000 }] },
    });
    conforms("Order", order);
    conforms("Order", await getOrder({ ctx, id: order.id }));

    const account = await createBankAccount({
      ctx,
      input: { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" },
    });
    conforms("BankAccount", account);
    await fundAvailable(env.h.db, { merchantId: ctx.merchantId, livemode: false }, 10_000n);
    conforms("Payout", await createPayout({ ctx, input: { amount: 5000, currency: "usd" } }));
    conforms("PayoutSettings", await getPayoutSettings({ ctx }));
    conforms("PayoutSettings", await updatePayoutSettings({ ctx, input: { interval: "weekly", weekly_anchor: "friday" } }));
    conforms("AlertSettings", await getAlertSettings({ ctx }));
    conforms("UpiSettings", await getUpiSettings({ ctx }));
    conforms("UpiVpa", await validateVpa({ ctx, input: { vpa: "success@upi" } }));
    conforms("Account", await getAccount({ ctx }));

    conforms("RadarRule", await createRule({ ctx, input: { source: "block if :amount_in_usd: > 5000" } }));
    const list = await createValueList({ ctx, input: { alias: "vip_customers", name: "VIP customers", item_type: "email" } });
    conforms("RadarValueList", list);
    conforms("RadarValueListItem", await createValueListItem({ ctx, input: { value_list: list.id, value: "ada@example.test" } }));
    conforms("RadarValueList", await getValueList({ ctx, id: list.id }));
    const endpoint = await createWebhookEndpoint({ ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    conforms("WebhookEndpoint", endpoint);
    expect(endpoint.secret).toEqual(expect.any(String));

    await createPayment({ ctx, input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const listed = await listEvents({ ctx, input: { limit: 100 }, url: "/api/v1/events" });
    expect(listed.data.length).toBeGreaterThan(5);
    for (const e of listed.data) conforms("Event", e);
    // Every event this file's merchants caused: its data.object in the schema of its object.
    const rows = await env.h.db.select().from(events).where(eq(events.livemode, false));
    const seen = new Set<string>();
    for (const row of rows) {
      const name = EVENT_OBJECTS.find(([prefix]) => row.type.startsWith(prefix))?.[1];
      conforms("Event", serializeEvent(row));
      if (!name) continue;
      seen.add(name);
      conforms(name, row.data.object);
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(["CheckoutSession", "Customer", "Invoice", "Order", "Payment", "Payout", "Refund", "Subscription"]),
    );
  });

  it("webhook deliveries, alerts and API keys", async () => {
    const { ctx } = await makeMerchant(env.h.db);
    const endpoint = await createWebhookEndpoint({ ctx, input: { url: "https://hooks.example.com/k", enabled_events: ["*"] } });
    await createPayment({ ctx, input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    const [event] = await env.h.db.select().from(events).where(eq(events.merchantId, ctx.merchantId)).limit(1);
    await createDeliveries({ db: env.h.db, eventId: event!.id });
    const deliveries = await listWebhookDeliveries({ ctx, endpointId: endpoint.id, input: {}, url: "/api/v1/webhook_endpoints/x/deliveries" });
    expect(deliveries.data.length).toBeGreaterThan(0);
    for (const d of deliveries.data) conforms("WebhookDelivery", d);

    const now = new Date();
    await env.h.db.insert(alerts).values({
      id: "alrt_objects1",
      merchantId: ctx.merchantId,
      livemode: false,
      kind: "payment_failure_rate",
      valueBp: 1250,
      thresholdBp: 1000,
      attempts: 40,
      matching: 5,
      windowMinutes: 15,
      openedAt: now,
    });
    const open = await listOpenAlerts({ ctx });
    expect(open).toHaveLength(1);
    conforms("Alert", open[0]);

    const made = await createApiKey({ ctx, input: { kind: "restricted", name: "reports", permissions: { payments: "read" } } });
    conforms("ApiKey", made.object);
  });
});
