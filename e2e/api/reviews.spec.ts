// The review queue over real HTTP: a payment the fraud check holds (the elevated-risk test card) is listed, read by
// its id, approved (captured), refunded (its hold released) or refunded as fraud (card and email blocked, the card
// then declined 402); an API capture closes a review too; the list is riskiest first, closed ones with open=false;
// an Idempotency-Key replays the review; bad input with its exact status and code; another merchant's and the
// other mode's ids 404; a developer's key reads but cannot decide, restricted keys by their radar grant.
import { and, eq, inArray } from "drizzle-orm";
import { fraudListItems, fraudLists, memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { addMember, db, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("reviews-a");
  b = await seedMerchant("reviews-b");
});

type Verb = "approve" | "refund" | "refund_as_fraud";
const createPayment = (body: BodyOf<"/api/v1/payments", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/payments", { body });
const getPayment = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/payments/{id}", { params: { path: { id } } });
const getReview = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/reviews/{id}", { params: { path: { id } } });
const listReviews = (query: { limit?: number; starting_after?: string; open?: "true" | "false" } = {}, key = a.secretKey) =>
  kassa(key).GET("/api/v1/reviews", { params: { query } });
const decide = (id: string, verb: Verb, key = a.secretKey, headers: Record<string, string> = {}) => {
  const [api, params] = [kassa(key), { path: { id } }];
  if (verb === "approve") return api.POST("/api/v1/reviews/{id}/approve", { params, headers });
  if (verb === "refund") return api.POST("/api/v1/reviews/{id}/refund", { params, headers });
  return api.POST("/api/v1/reviews/{id}/refund_as_fraud", { params, headers });
};

/** A payment held for review: authorised, not captured; returns it with its review (found through the list). */
async function held(extra: Partial<BodyOf<"/api/v1/payments", "post">> = {}, key = a.secretKey) {
  const payment = await ok(await createPayment({ amount: 4200, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true, ...extra }, key));
  expect(payment).toMatchObject({ status: "requires_capture", outcome: { type: "manual_review" } });
  const review = await ok(await getReview(payment.id, key));
  expect(review).toMatchObject({ object: "review", payment: payment.id, open: true, closed_reason: null, livemode: false });
  return { payment, review };
}

test("approve captures; refund releases the hold; the list is riskiest first and closed ones are under open=false", async () => {
  const one = await held();
  const two = await held();
  const list = await ok(await listReviews());
  expect(list).toMatchObject({ object: "list", url: "/api/v1/reviews" });
  expect(list.data.map((r) => r.id).sort()).toEqual([one.review.id, two.review.id].sort());
  const scores = list.data.map((r) => r.risk_score);
  expect(scores).toEqual([...scores].sort((x, y) => y - x));
  expect(await ok(await getReview(one.review.id))).toEqual(one.review);

  // With an Idempotency-Key the answer is the review, and a replay answers the same.
  const approved = await ok(await decide(one.review.id, "approve", a.secretKey, { "Idempotency-Key": "approve-1" }));
  expect(approved).toMatchObject({ id: one.review.id, open: false, closed_reason: "approved" });
  const replay = await decide(one.review.id, "approve", a.secretKey, { "Idempotency-Key": "approve-1" });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(await ok(replay)).toEqual(approved);
  expect(await ok(await getPayment(one.payment.id))).toMatchObject({ status: "succeeded", amount_received: 4200 });
  await expectError(await decide(one.review.id, "approve"), 400, "payment_intent_unexpected_state");

  expect(await ok(await decide(two.review.id, "refund"))).toMatchObject({ open: false, closed_reason: "refunded" });
  expect(await ok(await getPayment(two.payment.id))).toMatchObject({ status: "canceled", amount_received: 0 });

  expect((await ok(await listReviews())).data).toEqual([]);
  const closed = await ok(await listReviews({ open: "false", limit: 100 }));
  expect(closed.data.map((r) => r.closed_reason).sort()).toEqual(["approved", "refunded"]);
});

test("refund as fraud blocks the card and email: the same card is then declined 402 card_declined/fraudulent", async () => {
  // Its own merchant: the card it blocks stays usable for the other tests' merchant.
  const m = await seedMerchant("reviews-fraud");
  const { payment, review } = await held({ receipt_email: "Chargeback.King@Example.com" }, m.secretKey);
  expect(await ok(await decide(review.id, "refund_as_fraud", m.secretKey))).toMatchObject({
    open: false,
    closed_reason: "refunded_as_fraud",
  });
  expect(await ok(await getPayment(payment.id, m.secretKey))).toMatchObject({ status: "canceled", cancellation_reason: "fraudulent" });
  const h = await db();
  const items = await h.db
    .select({ alias: fraudLists.alias, value: fraudListItems.value })
    .from(fraudListItems)
    .innerJoin(fraudLists, eq(fraudLists.id, fraudListItems.listId))
    .where(eq(fraudListItems.merchantId, m.merchantId));
  expect(items.find((i) => i.alias === "block_card_fingerprint")).toBeDefined();
  expect(items.filter((i) => i.alias === "block_email")).toEqual([{ alias: "block_email", value: "chargeback.king@example.com" }]);
  await expectError(
    await createPayment({ amount: 1500, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true }, m.secretKey),
    402,
    "card_declined",
    { decline_code: "fraudulent" },
  );
});

test("an API capture or cancel closes the review; bad input and other tenants' ids with exact codes", async () => {
  const c = await held();
  await ok(await kassa(a.secretKey).POST("/api/v1/payments/{id}/capture", { params: { path: { id: c.payment.id } }, body: {} }));
  expect(await ok(await getReview(c.review.id))).toMatchObject({ open: false, closed_reason: "approved" });
  const d = await held();
  await ok(await kassa(a.secretKey).POST("/api/v1/payments/{id}/cancel", { params: { path: { id: d.payment.id } }, body: {} }));
  expect(await ok(await getReview(d.review.id))).toMatchObject({ open: false, closed_reason: "canceled" });

  const e = await held();
  await expectError(await listReviews({ open: "maybe" as never }), 400, "parameter_invalid", "open");
  await expectError(await listReviews({ limit: 0 }), 400, "parameter_invalid_integer", "limit");
  await expectError(await listReviews({ sort: "amount" } as never), 400, "parameter_unknown", "sort");
  await expectError(await listReviews({ starting_after: "prv_nope" }), 404, "resource_missing", "starting_after");
  await expectError(
    await kassa(a.secretKey).POST("/api/v1/reviews/{id}/approve", { params: { path: { id: e.review.id } }, body: { amount_to_capture: 100 } as never }),
    400,
    "parameter_unknown",
    "amount_to_capture",
  );
  await expectError(await getReview("prv_missing"), 404, "resource_missing", "id");
  for (const key of [b.secretKey, a.liveKey]) {
    await expectError(await getReview(e.review.id, key), 404, "resource_missing", "id");
    for (const verb of ["approve", "refund", "refund_as_fraud"] as const) {
      await expectError(await decide(e.review.id, verb, key), 404, "resource_missing", "id");
    }
    expect((await ok(await listReviews({}, key))).data).toEqual([]);
  }
  expect(await ok(await getReview(e.review.id))).toMatchObject({ open: true });
  expect(await ok(await getPayment(e.payment.id))).toMatchObject({ status: "requires_capture" });
});

test("a developer's key reads reviews but cannot decide (403); restricted keys need radar write and payments write", async () => {
  const { review } = await held();
  const login = await addMember(a.ctx, "developer");
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), inArray(memberships.merchantId, [a.merchantId])));
  const devCtx = {
    merchantId: a.merchantId,
    livemode: false,
    actor: { type: "user" as const, id: user!.id, label: login.email },
    role: membership!.role,
    db: h.db,
  };
  const devKey = (await createApiKey({ ctx: devCtx, input: { kind: "secret", name: "dev" } })).secret;
  expect(await ok(await getReview(review.id, devKey))).toMatchObject({ id: review.id });
  expect(await ok(await listReviews({}, devKey))).toMatchObject({ object: "list" });
  for (const verb of ["approve", "refund", "refund_as_fraud"] as const) {
    await expectError(await decide(review.id, verb, devKey), 403, "permission_denied");
  }
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: a.ctx, input: { kind: "restricted", name: "reviews", permissions } })).secret;
  await expectError(await listReviews({}, await grant({ payments: "write" })), 403, "permission_denied");
  await expectError(await decide(review.id, "approve", await grant({ radar: "read", payments: "write" })), 403, "permission_denied");
  await expectError(await decide(review.id, "approve", await grant({ radar: "write" })), 403, "permission_denied");
  expect(await ok(await getReview(review.id))).toMatchObject({ open: true });
  expect(await ok(await decide(review.id, "approve", await grant({ radar: "write", payments: "write" })))).toMatchObject({
    closed_reason: "approved",
  });
});
