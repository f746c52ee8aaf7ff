// Unit tests of checkout-session-expiry with @inngest/test (the sleep mocked by step id), on a real
// PostgreSQL. Its run through the local executor is in functions.executor.test.ts.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { checkoutSessions } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { createCheckoutSession } from "@/lib/checkout/create-checkout-session";
import { payCheckoutSession } from "@/lib/checkout/pay-checkout-session";
import { freshPostgres } from "@/test/db";
import { makeMerchantContext } from "@/test/fixtures";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("cofns");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db, { actor: { type: "api_key", id: "key_test" } });
const created = (ctx: ServiceContext, object: Record<string, unknown>) => ({
  name: "kassa/checkout.session.created",
  data: { id: "evt_test", object: "event", type: "checkout.session.created", created: 0, livemode: ctx.livemode, merchant: ctx.merchantId, data: { object } },
});
const input = { amount: 4200, currency: "usd", success_url: "https://shop.test/ok", cancel_url: "https://shop.test/no" };

describe("checkout-session-expiry", () => {
  it("sleeps until expires_at, then expires an unpaid session", async () => {
    const { checkoutSessionExpiryFn } = await import("./checkout-session-expiry");
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input });
    await h.db
      .update(checkoutSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkoutSessions.id, s.id)); // a day has passed
    const t = new InngestTestEngine({ function: checkoutSessionExpiryFn, steps: [{ id: "until-expiry", handler: () => undefined }] });
    const { result, state } = await t.execute({ events: [created(ctx, s)] });
    expect(result).toEqual({ action: "expired", status: "expired" });
    expect(Object.keys(state)).toHaveLength(2);
    const [row] = await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, s.id));
    expect(row!.status).toBe("expired");
  });

  it("leaves a paid session complete", async () => {
    const { checkoutSessionExpiryFn } = await import("./checkout-session-expiry");
    const ctx = await merchant();
    const s = await createCheckoutSession({ ctx, input });
    await payCheckoutSession({ sessionId: s.id, paymentMethod: "pm_card_visa" });
    await h.db
      .update(checkoutSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(checkoutSessions.id, s.id));
    const t = new InngestTestEngine({ function: checkoutSessionExpiryFn, steps: [{ id: "until-expiry", handler: () => undefined }] });
    const { result } = await t.execute({ events: [created(ctx, s)] });
    expect(result).toEqual({ action: "none", status: "complete" });
  });
});
