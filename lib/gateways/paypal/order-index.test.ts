// The default key → order map: Kassa's own attempt rows, read by tenant and connector only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { paymentAttempts } from "@/db/schema";
import { freshPglite } from "@/test/db";
import { attemptOrderIndex } from "./order-index";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPglite();
});
afterAll(() => h.close());

const attempt = (id: string, overrides: Partial<typeof paymentAttempts.$inferInsert> = {}) => ({
  id,
  merchantId: "mer_idx",
  livemode: false,
  paymentId: "pay_idx",
  status: "requires_capture" as const,
  amount: 1000n,
  paymentMethod: "pm_card_visa",
  connector: "paypal",
  processorId: `ORDER${id.toUpperCase()}`,
  ...overrides,
});

describe("attemptOrderIndex", () => {
  it("finds the order phase B recorded for the attempt, for its own tenant and PayPal only", async () => {
    await h.db
      .insert(paymentAttempts)
      .values([attempt("pa_a"), attempt("pa_lost", { processorId: null, status: "unknown" }), attempt("pa_stripe", { connector: "stripe" })]);
    const index = attemptOrderIndex(() => Promise.resolve(h.db));
    const ctx = { merchantId: "mer_idx", livemode: false };
    expect(await index.orderOf(ctx, "pa_a")).toBe("ORDERPA_A");
    expect(await index.orderOf(ctx, "pa_lost")).toBeNull(); // the answer never came: the caller re-sends (a replay)
    expect(await index.orderOf(ctx, "pa_stripe")).toBeNull();
    expect(await index.orderOf({ merchantId: "mer_other", livemode: false }, "pa_a")).toBeNull();
    expect(await index.orderOf({ ...ctx, livemode: true }, "pa_a")).toBeNull();
    expect(await index.orderOf(ctx, "pa_missing")).toBeNull();
  });
});
