import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { disputes, stripeEvents } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { serializePayment } from "@/lib/payments/serialize-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("stripefns");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

describe("sandbox-dispute", () => {
  it("opens the dispute of a captured pm_card_createDispute payment, once", async () => {
    const { sandboxDisputeFn } = await import("./sandbox-dispute");
    const { ctx } = await makeMerchant(h.db);
    const { db: _db, ...apiCtx } = ctx;
    const p = await createPayment({ ctx: apiCtx, input: { amount: 4000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    const object = serializePayment(await loadPayment(h.db, ctx, p.id));
    const event = {
      name: "kassa/payment.succeeded",
      data: { id: "evt_x", object: "event", type: "payment.succeeded", created: 1, livemode: false, merchant: ctx.merchantId, data: { object } },
    };
    const t = new InngestTestEngine({ function: sandboxDisputeFn, events: [event as never] });
    const { result } = await t.execute();
    const [dispute] = await h.db.select().from(disputes).where(eq(disputes.paymentId, p.id));
    expect(result).toEqual({ dispute: dispute!.id });
    await new InngestTestEngine({ function: sandboxDisputeFn, events: [event as never] }).execute();
    expect(await h.db.select().from(disputes).where(eq(disputes.paymentId, p.id))).toHaveLength(1);
  });
});

describe("stripe-event", () => {
  it("runs the recorded event's handler and marks it processed", async () => {
    const { stripeEventFn } = await import("./stripe-event");
    // A PaymentIntent Kassa never made: acknowledged, nothing to change.
    await h.db.insert(stripeEvents).values({
      id: "evt_fn_1",
      type: "payment_intent.succeeded",
      livemode: "false",
      payload: { id: "evt_fn_1", type: "payment_intent.succeeded", data: { object: { id: "pi_unknown", object: "payment_intent", metadata: {} } } },
    });
    const t = new InngestTestEngine({
      function: stripeEventFn,
      events: [{ name: "stripe/event.received", data: { stripe_event_id: "evt_fn_1", type: "payment_intent.succeeded" } } as never],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ outcome: "unknown_object" });
    const [row] = await h.db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_fn_1"));
    expect(row).toMatchObject({ outcome: "unknown_object", processedAt: expect.any(Date) });
  });
});
