// The review queue at service level on real PostgreSQL: approve (captured), refund (an uncaptured hold canceled,
// a captured payment refunded), refund as fraud (card and email blocked, the card then declined), a review closed
// by any other path (API capture or cancel, the 7-day timer) in the same commit as that change, with review.closed
// and an audit row; the list riskiest first; another merchant's review is not found; each role.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, events, fraudListItems, fraudLists, payments, refunds, reviews } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { runAuthorizationTimer } from "@/lib/payments/run-authorization-timer";
import { createValueListItem } from "./create-value-list-item";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { approveReview } from "./approve-review";
import { getReview } from "./get-review";
import { listReviews } from "./list-reviews";
import { refundReview } from "./refund-review";
import { refundReviewAsFraud } from "./refund-review-as-fraud";

const bed = paymentsTestBed("fraud_reviews");
const { env } = bed;

type Ctx = Awaited<ReturnType<typeof bed.merchant>>;

/** A payment the fraud check holds for review (the test card at elevated risk): authorised, not captured, its review open. */
async function reviewed(ctx: Ctx, extra: Record<string, unknown> = {}) {
  const p = await createPayment({ ctx, input: { amount: 4200, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true, ...extra } });
  expect(p).toMatchObject({ status: "requires_capture", capture_method: "manual", outcome: { type: "manual_review" } });
  const [review] = await env.h.db.select().from(reviews).where(eq(reviews.paymentId, p.id));
  expect(review).toMatchObject({ open: 1 });
  return { payment: p, review: review! };
}
const paymentRow = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const reviewRow = async (id: string) => (await env.h.db.select().from(reviews).where(eq(reviews.id, id)))[0]!;
const closedEvents = (ctx: Ctx) =>
  env.h.db
    .select()
    .from(events)
    .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "review.closed")));
const closedAudits = (ctx: Ctx) =>
  env.h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.action, "review.closed")));

describe("review verbs", () => {
  it("approve captures the held payment and closes the review as approved, with review.closed and an audit row; twice is refused", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    const closed = await approveReview({ ctx, id: review.id });
    expect(closed).toMatchObject({ id: review.id, object: "review", payment: payment.id, open: false, closed_reason: "approved" });
    expect(closed.closed_at).toEqual(expect.any(Number));
    expect(await paymentRow(payment.id)).toMatchObject({ status: "succeeded", amountReceived: 4200n, amountCapturable: 0n });
    const evs = await closedEvents(ctx);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.data).toMatchObject({ object: { id: review.id, closed_reason: "approved", open: false } });
    expect(await closedAudits(ctx)).toMatchObject([{ targetId: review.id, metadata: { closed_reason: "approved" } }]);
    expect(await code(approveReview({ ctx, id: review.id }))).toBe("payment_intent_unexpected_state");
    expect(await code(refundReview({ ctx, id: review.id }))).toBe("payment_intent_unexpected_state");
    expect(await closedEvents(ctx)).toHaveLength(1);
  });

  it("refund cancels an authorisation never captured (nothing taken) and closes the review as refunded", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    expect(await refundReview({ ctx, id: payment.id })).toMatchObject({ id: review.id, open: false, closed_reason: "refunded" });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "canceled", amountReceived: 0n, amountCapturable: 0n });
    expect(await env.h.db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);
    expect(await closedEvents(ctx)).toHaveLength(1);
  });

  it("refund of a payment captured while its review stayed open refunds it in full", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    await capturePayment({ ctx, id: payment.id, input: {} });
    // As if captured by a path that left the review open.
    await env.h.db.update(reviews).set({ open: 1, closedReason: null, closedAt: null }).where(eq(reviews.id, review.id));
    expect(await refundReview({ ctx, id: review.id })).toMatchObject({ open: false, closed_reason: "refunded" });
    const [refund] = await env.h.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund).toMatchObject({ amount: 4200n, status: "succeeded" });
  });

  it("refund as fraud blocks the card fingerprint and the lowercased email, cancels as fraudulent, and the card is then declined", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx, { receipt_email: "Mallory@Example.TEST" });
    const card = (await paymentRow(payment.id)).card!;
    // The email already listed: fine.
    await createValueListItem({ ctx, input: { value_list: "block_email", value: "mallory@example.test" } });
    expect(await refundReviewAsFraud({ ctx, id: review.id })).toMatchObject({ open: false, closed_reason: "refunded_as_fraud" });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "canceled", cancellationReason: "fraudulent" });
    const items = await env.h.db
      .select({ alias: fraudLists.alias, value: fraudListItems.value })
      .from(fraudListItems)
      .innerJoin(fraudLists, eq(fraudLists.id, fraudListItems.listId))
      .where(eq(fraudListItems.merchantId, ctx.merchantId));
    expect(items.sort((a, b) => a.alias.localeCompare(b.alias))).toEqual([
      { alias: "block_card_fingerprint", value: card.fingerprint.toLowerCase() },
      { alias: "block_email", value: "mallory@example.test" },
    ]);
    const again = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true } }).catch(
      (e: unknown) => e as { code: string; declineCode?: string },
    );
    expect(again).toMatchObject({ code: "card_declined", declineCode: "fraudulent" });
    expect(await closedEvents(ctx)).toMatchObject([{ data: { object: { closed_reason: "refunded_as_fraud" } } }]);
  });
});

describe("a review closes whatever path settles its payment", () => {
  it("API capture closes it as approved, in the capture's commit", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    await capturePayment({ ctx, id: payment.id, input: {} });
    expect(await reviewRow(review.id)).toMatchObject({ open: 0, closedReason: "approved" });
    expect(await closedEvents(ctx)).toHaveLength(1);
    expect(await closedAudits(ctx)).toHaveLength(1);
  });

  it("API cancel closes it as canceled", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    await cancelPayment({ ctx, id: payment.id, input: {} });
    expect(await reviewRow(review.id)).toMatchObject({ open: 0, closedReason: "canceled" });
    expect(await closedEvents(ctx)).toHaveLength(1);
  });

  it("the authorisation timer's 7-day release closes it as canceled", async () => {
    const ctx = await bed.merchant();
    const { payment, review } = await reviewed(ctx);
    const sys = { ...ctx, actor: systemActor("authorization-timer") };
    const eightDays = new Date(Date.now() + 8 * 86400_000);
    expect(await runAuthorizationTimer({ ctx: sys, paymentId: payment.id, now: eightDays })).toEqual({ action: "expired", status: "canceled" });
    expect(await reviewRow(review.id)).toMatchObject({ open: 0, closedReason: "canceled" });
    expect(await closedEvents(ctx)).toHaveLength(1);
  });

  it("a payment without a review captures as before (no review.closed)", async () => {
    const ctx = await bed.merchant();
    const p = await createPayment({ ctx, input: { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, capture_method: "manual" } });
    await capturePayment({ ctx, id: p.id, input: {} });
    expect(await closedEvents(ctx)).toEqual([]);
  });
});

describe("reading reviews", () => {
  it("lists open reviews riskiest first, closed ones with open=false, pages by starting_after; get by review or payment id", async () => {
    const ctx = await bed.merchant();
    const made = [await reviewed(ctx), await reviewed(ctx), await reviewed(ctx)];
    for (const [i, score] of [40, 90, 70].entries()) await env.h.db.update(reviews).set({ riskScore: score }).where(eq(reviews.id, made[i]!.review.id));
    const list = await listReviews({ ctx, input: {}, url: "/api/v1/reviews" });
    expect(list.data.map((r) => r.risk_score)).toEqual([90, 70, 40]);
    const page = await listReviews({ ctx, input: { limit: "1", starting_after: list.data[0]!.id }, url: "/x" });
    expect(page).toMatchObject({ has_more: true, data: [{ risk_score: 70 }] });
    await approveReview({ ctx, id: made[1]!.review.id });
    expect((await listReviews({ ctx, input: {}, url: "/x" })).data.map((r) => r.risk_score)).toEqual([70, 40]);
    expect((await listReviews({ ctx, input: { open: "false" }, url: "/x" })).data).toMatchObject([{ id: made[1]!.review.id, closed_reason: "approved" }]);
    expect(await getReview({ ctx, id: made[0]!.payment.id })).toMatchObject({ id: made[0]!.review.id, open: true });
    expect(await code(listReviews({ ctx, input: { open: "maybe" }, url: "/x" }))).toBe("parameter_invalid");
    expect(await code(listReviews({ ctx, input: { starting_after: "prv_nope" }, url: "/x" }))).toBe("resource_missing");
    expect(await code(getReview({ ctx, id: "nope" }))).toBe("resource_missing");
  });

  it("another merchant's review (or the other mode's) is not found and nothing happens to its payment", async () => {
    const a = await bed.merchant();
    const b = await bed.merchant();
    const { payment, review } = await reviewed(a);
    for (const ctx of [b, { ...a, livemode: true }]) {
      expect(await code(getReview({ ctx, id: review.id }))).toBe("resource_missing");
      expect(await code(approveReview({ ctx, id: review.id }))).toBe("resource_missing");
      expect(await code(refundReview({ ctx, id: payment.id }))).toBe("resource_missing");
      expect(await code(refundReviewAsFraud({ ctx, id: review.id }))).toBe("resource_missing");
      expect((await listReviews({ ctx, input: {}, url: "/x" })).data).toEqual([]);
    }
    expect(await paymentRow(payment.id)).toMatchObject({ status: "requires_capture" });
    expect(await reviewRow(review.id)).toMatchObject({ open: 1 });
  });

  it("owners and admins act; developers and analysts read; support neither; restricted keys need radar grants", async () => {
    const owner = await bed.merchant();
    const as = (role: ServiceContext["role"]): ServiceContext => ({ ...owner, role });
    const { review } = await reviewed(owner);
    for (const role of ["developer", "analyst"] as const) {
      expect(await code(getReview({ ctx: as(role), id: review.id }))).toBe("ok");
      expect(await code(listReviews({ ctx: as(role), input: {}, url: "/x" }))).toBe("ok");
      expect(await code(approveReview({ ctx: as(role), id: review.id }))).toBe("permission_denied");
      expect(await code(refundReview({ ctx: as(role), id: review.id }))).toBe("permission_denied");
      expect(await code(refundReviewAsFraud({ ctx: as(role), id: review.id }))).toBe("permission_denied");
    }
    expect(await code(getReview({ ctx: as("support"), id: review.id }))).toBe("permission_denied");
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...owner, keyPermissions: grants });
    expect(await code(getReview({ ctx: key({ payments: "write" }), id: review.id }))).toBe("permission_denied");
    expect(await code(approveReview({ ctx: key({ radar: "read" }), id: review.id }))).toBe("permission_denied");
    // radar:write alone cannot capture: the payment verb asks for payments:write.
    expect(await code(approveReview({ ctx: key({ radar: "write" }), id: review.id }))).toBe("permission_denied");
    expect(await reviewRow(review.id)).toMatchObject({ open: 1 });
    expect(await code(approveReview({ ctx: as("admin"), id: review.id }))).toBe("ok");
  });
});

checksTheBooks(env);
