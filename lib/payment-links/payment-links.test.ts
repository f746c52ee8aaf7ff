// Payment links at service level on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { checkoutSessions } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { payCheckoutSession } from "@/lib/checkout/pay-checkout-session";
import { freshPostgres } from "@/test/db";
import { makeMerchant, errorCodeOf as code } from "@/test/fixtures";
import { createPaymentLink } from "./create-payment-link";
import { getPaymentLink } from "./get-payment-link";
import { listPaymentLinks } from "./list-payment-links";
import { startPaymentLinkCheckout } from "./start-checkout";
import { updatePaymentLink } from "./update-payment-link";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("plinks");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const baseUrl = "https://pay.kassa.test";
async function owner(): Promise<ServiceContext> {
  return (await makeMerchant(h.db)).ctx;
}
const session = async (id: string) => (await h.db.select().from(checkoutSessions).where(eq(checkoutSessions.id, id)))[0]!;

describe("payment links", () => {
  it("a link used twice starts two sessions and makes two independent payments", async () => {
    const ctx = await owner();
    const link = await createPaymentLink({ ctx, input: { amount: 1500, currency: "eur", description: "Yoga class", quantity: 2 }, baseUrl });
    expect(link).toMatchObject({
      object: "payment_link",
      active: true,
      amount: 1500,
      quantity: 2,
      currency: "eur",
      customer_chooses_amount: false,
      url: `${baseUrl}/l/${link.id}`,
    });
    expect(link.id).toMatch(/^plink_/);
    const a = await startPaymentLinkCheckout({ linkId: link.id, baseUrl });
    const b = await startPaymentLinkCheckout({ linkId: link.id, baseUrl });
    expect(a.sessionId).not.toBe(b.sessionId);
    const pa = await payCheckoutSession({ sessionId: a.sessionId, paymentMethod: "pm_card_visa" });
    const pb = await payCheckoutSession({ sessionId: b.sessionId, paymentMethod: "pm_card_visa" });
    expect(pa.status).toBe("complete");
    expect(pb.status).toBe("complete");
    expect(pa.paymentId).not.toBe(pb.paymentId);
    expect(await session(a.sessionId)).toMatchObject({
      amount: 3000n,
      currency: "eur",
      paymentLinkId: link.id,
      status: "complete",
      description: "Yoga class × 2",
    });
  });

  it("a customer-chosen amount is read as a decimal in the link's currency and checked", async () => {
    const ctx = await owner();
    const link = await createPaymentLink({ ctx, input: { currency: "usd", description: "Tip" } });
    expect(link).toMatchObject({ amount: null, customer_chooses_amount: true });
    const { sessionId } = await startPaymentLinkCheckout({ linkId: link.id, chosenAmount: "12.50", baseUrl });
    expect((await session(sessionId)).amount).toBe(1250n);
    expect(await code(startPaymentLinkCheckout({ linkId: link.id, baseUrl }))).toBe("parameter_missing");
    expect(await code(startPaymentLinkCheckout({ linkId: link.id, chosenAmount: "12.505", baseUrl }))).toBe("parameter_invalid");
    expect(await code(startPaymentLinkCheckout({ linkId: link.id, chosenAmount: "0.10", baseUrl }))).toBe("amount_too_small");
  });

  it("a deactivated link starts nothing; list filters by active", async () => {
    const ctx = await owner();
    const link = await createPaymentLink({ ctx, input: { amount: 900, currency: "usd", description: "Mug" } });
    const off = await updatePaymentLink({ ctx, id: link.id, input: { active: false } });
    expect(off.active).toBe(false);
    expect(await code(startPaymentLinkCheckout({ linkId: link.id, baseUrl }))).toBe("payment_link_inactive");
    await createPaymentLink({ ctx, input: { amount: 100, currency: "usd", description: "Sticker" } });
    const active = await listPaymentLinks({ ctx, input: { active: "true" }, url: "/api/v1/payment_links" });
    expect(active.data.map((l) => l.description)).toEqual(["Sticker"]);
    expect((await listPaymentLinks({ ctx, input: {}, url: "/api/v1/payment_links" })).data).toHaveLength(2);
    expect(await code(startPaymentLinkCheckout({ linkId: "plink_00000000000000000000000000", baseUrl }))).toBe("resource_missing");
  });

  it("validates, scopes to the tenant and checks roles", async () => {
    const ctx = await owner();
    expect(await code(createPaymentLink({ ctx, input: { amount: 10, currency: "usd", description: "x" } }))).toBe("amount_too_small");
    expect(await code(createPaymentLink({ ctx, input: { currency: "zzz", description: "x" } }))).toBe("currency_unsupported");
    expect(await code(createPaymentLink({ ctx, input: { amount: 100, currency: "usd" } }))).toBe("parameter_missing");
    expect(await code(createPaymentLink({ ctx, input: { amount: 100, currency: "usd", description: "x", quantity: 0 } }))).toBe("parameter_invalid_integer");
    const link = await createPaymentLink({ ctx, input: { amount: 100, currency: "usd", description: "x" } });
    const other = await owner();
    expect(await code(getPaymentLink({ ctx: other, id: link.id }))).toBe("resource_missing");
    expect(await code(updatePaymentLink({ ctx: other, id: link.id, input: { active: false } }))).toBe("resource_missing");
    const { ctx: analyst } = await makeMerchant(h.db, { role: "analyst" });
    expect(await code(createPaymentLink({ ctx: analyst, input: { amount: 100, currency: "usd", description: "x" } }))).toBe("permission_denied");
    expect(await code(listPaymentLinks({ ctx: analyst, input: {}, url: "/x" }))).toBe("ok");
  });
});
