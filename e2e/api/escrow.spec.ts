// Escrow over real HTTP: a payment created with escrow is captured into escrow (the balance shows it as
// escrowed, not pending), released early once (a second release 400 escrow_already_released), disputed inside
// its window by a restricted key granted escrow: dispute and resolved by refund or release; bad input with its
// exact status and code; another merchant's and the other mode's payments 404; keys without the grant 403.
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("escrow-a");
  b = await seedMerchant("escrow-b");
});

type PaymentBody = BodyOf<"/api/v1/payments", "post">;
const createPayment = (body: PaymentBody, key = a.secretKey) => kassa(key).POST("/api/v1/payments", { body });
const balance = async (key = a.secretKey) => ok(await kassa(key).GET("/api/v1/balance"));
const pay = (escrow: NonNullable<PaymentBody["escrow"]>, key = a.secretKey) =>
  createPayment({ amount: 8000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow }, key);
const release = (id: string, key = a.secretKey, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/payments/{id}/release", { params: { path: { id } }, body: {}, headers });
const dispute = (id: string, body: BodyOf<"/api/v1/payments/{id}/escrow_dispute", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/payments/{id}/escrow_dispute", { params: { path: { id } }, body });
const resolve = (id: string, body: BodyOf<"/api/v1/payments/{id}/escrow_dispute/resolve", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/payments/{id}/escrow_dispute/resolve", { params: { path: { id } }, body });

test("captured into escrow; released early once; the balance shows escrowed, then available", async () => {
  const before = await balance();
  const p = await ok(await pay({ release_after_days: 14, dispute_window_days: 7 }));
  expect(p).toMatchObject({ status: "succeeded", escrow: { status: "held", amount: 8000, dispute: null } });
  const held = await balance();
  expect(held.escrowed[0]!.amount - before.escrowed[0]!.amount).toBe(p.escrow!.net);
  expect(held.pending[0]!.amount).toBe(before.pending[0]!.amount);
  expect(held.escrowed[0]!.currency).toBe("usd");

  const released = await ok(await release(p.id, a.secretKey, { "Idempotency-Key": `rel-${p.id}` }));
  expect(released.escrow).toMatchObject({ status: "released" });
  const replay = await release(p.id, a.secretKey, { "Idempotency-Key": `rel-${p.id}` });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(await ok(replay)).toEqual(released);
  await expectError(await release(p.id), 400, "escrow_already_released");
  const after = await balance();
  expect(after.escrowed[0]!.amount).toBe(before.escrowed[0]!.amount);
  expect(after.available[0]!.amount - before.available[0]!.amount).toBe(p.escrow!.net);
  const events = await ok(await kassa(a.secretKey).GET("/api/v1/events", { params: { query: { limit: 20 } } }));
  const mine = events.data.filter((e) => e.data.object.id === p.id).map((e) => e.type);
  expect(mine).toEqual(expect.arrayContaining(["escrow.held", "escrow.released"]));
});

test("bad input: exact status, code and param", async () => {
  await expectError(await pay({ release_after_days: 0 }), 400, "parameter_invalid_integer", "escrow[release_after_days]");
  await expectError(await pay({ release_after_days: 366 }), 400, "parameter_invalid_integer", "escrow[release_after_days]");
  await expectError(await pay({ release_after_days: 3, release_at: Math.floor(Date.now() / 1000) + 3600 }), 400, "parameter_invalid", "escrow");
  await expectError(await pay({ release_at: Math.floor(Date.now() / 1000) - 60 }), 400, "parameter_invalid", "escrow[release_at]");
  await expectError(await pay({ release_after_days: 2, dispute_window_days: 3 }), 400, "parameter_invalid", "escrow[dispute_window_days]");
  await expectError(await pay({ release_after_days: 2, status: "released" } as never), 400, "parameter_unknown", "escrow[status]");

  const plain = await ok(await createPayment({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true }));
  expect(plain.escrow).toBeNull();
  await expectError(await release(plain.id), 400, "payment_not_escrowed");
  await expectError(await dispute(plain.id, { reason: "x" }), 400, "payment_not_escrowed");
  const uncaptured = await ok(
    await createPayment({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
      escrow: { release_after_days: 30 },
    }),
  );
  expect(uncaptured.escrow).toMatchObject({ status: "pending", release_at: null });
  await expectError(await release(uncaptured.id), 400, "escrow_not_held");
  // Mass assignment: the release takes no parameters; a dispute only a reason.
  const p = await ok(await pay({ release_after_days: 5 }));
  await expectError(
    await kassa(a.secretKey).POST("/api/v1/payments/{id}/release", { params: { path: { id: p.id } }, body: { escrow: { status: "released" } } as never }),
    400,
    "parameter_unknown",
    "escrow",
  );
  await expectError(await dispute(p.id, {} as never), 400, "parameter_missing", "reason");
  await expectError(await dispute(p.id, { reason: "x", status: "refunded" } as never), 400, "parameter_unknown", "status");
  await expectError(await resolve(p.id, { resolution: "keep" } as never), 400, "parameter_invalid", "resolution");
  await expectError(await resolve(p.id, { resolution: "release" }), 400, "escrow_not_disputed");
});

test("another merchant's and the other mode's payments are not there (404)", async () => {
  const p = await ok(await pay({ release_after_days: 5 }));
  for (const key of [b.secretKey, a.liveKey]) {
    await expectError(await release(p.id, key), 404, "resource_missing");
    await expectError(await dispute(p.id, { reason: "x" }, key), 404, "resource_missing");
    await expectError(await resolve(p.id, { resolution: "refund" }, key), 404, "resource_missing");
  }
  expect((await ok(await kassa(a.secretKey).GET("/api/v1/payments/{id}", { params: { path: { id: p.id } } }))).escrow!.status).toBe("held");
});

test("disputes need escrow:dispute; inside the window it blocks release; resolved by refund out of escrow", async () => {
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: a.ctx, input: { kind: "restricted", name: "escrow", permissions } })).secret;
  const p = await ok(await pay({ release_after_days: 10, dispute_window_days: 5 }));
  const noGrant = await grant({ payments: "write" });
  await expectError(await dispute(p.id, { reason: "not delivered" }, noGrant), 403, "permission_denied");
  await expectError(await release(p.id, await grant({ escrow: "dispute" })), 403, "permission_denied");
  const platform = await grant({ escrow: "dispute" });
  const disputed = await ok(await dispute(p.id, { reason: "not delivered" }, platform));
  expect(disputed.escrow).toMatchObject({ status: "disputed", dispute: { reason: "not delivered", resolution: null } });
  await expectError(await release(p.id), 400, "escrow_disputed");
  await expectError(await dispute(p.id, { reason: "again" }, platform), 400, "escrow_disputed");
  const escrowedBefore = (await balance()).escrowed[0]!.amount;
  const resolved = await ok(await resolve(p.id, { resolution: "refund" }, platform));
  expect(resolved).toMatchObject({ amount_refunded: 8000, escrow: { status: "refunded", amount: 0, dispute: { resolution: "refund" } } });
  expect((await balance()).escrowed[0]!.amount).toBe(escrowedBefore - p.escrow!.net);
  await expectError(await release(p.id), 400, "escrow_not_held");
});

test("a dispute resolved by release pays the merchant", async () => {
  const p = await ok(await pay({ release_after_days: 3 }));
  await ok(await dispute(p.id, { reason: "wrong size" }));
  const before = await balance();
  const resolved = await ok(await resolve(p.id, { resolution: "release" }));
  expect(resolved.escrow).toMatchObject({ status: "released", dispute: { resolution: "release" } });
  const after = await balance();
  expect(after.available[0]!.amount - before.available[0]!.amount).toBe(p.escrow!.net);
  await expectError(await release(p.id), 400, "escrow_already_released");
});
