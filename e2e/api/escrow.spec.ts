// Escrow over real HTTP: a payment created with escrow is captured into escrow (the balance shows it as
// escrowed, not pending), released early once (a second release 400 escrow_already_released), disputed inside
// its window by a restricted key granted escrow: dispute and resolved by refund or release; bad input with its
// exact status and code; another merchant's and the other mode's payments 404; keys without the grant 403.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/api";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant, ok } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("escrow-a");
  b = await seedMerchant("escrow-b");
});

type Escrow = { status: string; amount: number; net: number; release_at: number | null; dispute_window_ends_at: number | null; dispute: unknown };
type Payment = { id: string; status: string; amount_refunded: number; escrow: Escrow | null };
type Balance = { available: { amount: number }[]; pending: { amount: number }[]; escrowed: { amount: number; currency: string }[] };

const post = (request: APIRequestContext, path: string, data: unknown = {}, key = a.secretKey, headers: Record<string, string> = {}) =>
  request.post(path, { headers: auth(key, headers), data: data as Record<string, unknown> });
const balance = async (request: APIRequestContext, key = a.secretKey) => ok<Balance>(await request.get("/api/v1/balance", { headers: auth(key) }));
const pay = (request: APIRequestContext, escrow: unknown, key = a.secretKey) =>
  post(request, "/api/v1/payments", { amount: 8000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow }, key);

test("captured into escrow; released early once; the balance shows escrowed, then available", async ({ request }) => {
  const before = await balance(request);
  const p = await ok<Payment>(await pay(request, { release_after_days: 14, dispute_window_days: 7 }));
  expect(p).toMatchObject({ status: "succeeded", escrow: { status: "held", amount: 8000, dispute: null } });
  const held = await balance(request);
  expect(held.escrowed[0]!.amount - before.escrowed[0]!.amount).toBe(p.escrow!.net);
  expect(held.pending[0]!.amount).toBe(before.pending[0]!.amount);
  expect(held.escrowed[0]!.currency).toBe("usd");

  const released = await ok<Payment>(await post(request, `/api/v1/payments/${p.id}/release`, {}, a.secretKey, { "Idempotency-Key": `rel-${p.id}` }));
  expect(released.escrow).toMatchObject({ status: "released" });
  const replay = await post(request, `/api/v1/payments/${p.id}/release`, {}, a.secretKey, { "Idempotency-Key": `rel-${p.id}` });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await ok(replay)).toEqual(released);
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`), 400, "escrow_already_released");
  const after = await balance(request);
  expect(after.escrowed[0]!.amount).toBe(before.escrowed[0]!.amount);
  expect(after.available[0]!.amount - before.available[0]!.amount).toBe(p.escrow!.net);
  const events = await ok<{ data: { type: string; data: { object: { id: string } } }[] }>(
    await request.get("/api/v1/events?limit=20", { headers: auth(a.secretKey) }),
  );
  const mine = events.data.filter((e) => e.data.object.id === p.id).map((e) => e.type);
  expect(mine).toEqual(expect.arrayContaining(["escrow.held", "escrow.released"]));
});

test("bad input: exact status, code and param", async ({ request }) => {
  await expectError(await pay(request, { release_after_days: 0 }), 400, "parameter_invalid_integer", "escrow[release_after_days]");
  await expectError(await pay(request, { release_after_days: 366 }), 400, "parameter_invalid_integer", "escrow[release_after_days]");
  await expectError(await pay(request, { release_after_days: 3, release_at: Math.floor(Date.now() / 1000) + 3600 }), 400, "parameter_invalid", "escrow");
  await expectError(await pay(request, { release_at: Math.floor(Date.now() / 1000) - 60 }), 400, "parameter_invalid", "escrow[release_at]");
  await expectError(await pay(request, { release_after_days: 2, dispute_window_days: 3 }), 400, "parameter_invalid", "escrow[dispute_window_days]");
  await expectError(await pay(request, { release_after_days: 2, status: "released" }), 400, "parameter_unknown", "escrow[status]");

  const plain = await ok<Payment>(await post(request, "/api/v1/payments", { amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true }));
  expect(plain.escrow).toBeNull();
  await expectError(await post(request, `/api/v1/payments/${plain.id}/release`), 400, "payment_not_escrowed");
  await expectError(await post(request, `/api/v1/payments/${plain.id}/escrow_dispute`, { reason: "x" }), 400, "payment_not_escrowed");
  const uncaptured = await ok<Payment>(
    await post(request, "/api/v1/payments", {
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      capture_method: "manual",
      escrow: { release_after_days: 30 },
    }),
  );
  expect(uncaptured.escrow).toMatchObject({ status: "pending", release_at: null });
  await expectError(await post(request, `/api/v1/payments/${uncaptured.id}/release`), 400, "escrow_not_held");
  // Mass assignment: the release takes no parameters; a dispute only a reason.
  const p = await ok<Payment>(await pay(request, { release_after_days: 5 }));
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`, { escrow: { status: "released" } }), 400, "parameter_unknown", "escrow");
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, {}), 400, "parameter_missing", "reason");
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "x", status: "refunded" }), 400, "parameter_unknown", "status");
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute/resolve`, { resolution: "keep" }), 400, "parameter_invalid", "resolution");
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute/resolve`, { resolution: "release" }), 400, "escrow_not_disputed");
});

test("another merchant's and the other mode's payments are not there (404)", async ({ request }) => {
  const p = await ok<Payment>(await pay(request, { release_after_days: 5 }));
  for (const key of [b.secretKey, a.liveKey]) {
    await expectError(await post(request, `/api/v1/payments/${p.id}/release`, {}, key), 404, "resource_missing");
    await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "x" }, key), 404, "resource_missing");
    await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute/resolve`, { resolution: "refund" }, key), 404, "resource_missing");
  }
  expect((await ok<Payment>(await request.get(`/api/v1/payments/${p.id}`, { headers: auth(a.secretKey) }))).escrow!.status).toBe("held");
});

test("disputes need escrow:dispute; inside the window it blocks release; resolved by refund out of escrow", async ({ request }) => {
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: a.ctx, input: { kind: "restricted", name: "escrow", permissions } })).secret;
  const p = await ok<Payment>(await pay(request, { release_after_days: 10, dispute_window_days: 5 }));
  const noGrant = await grant({ payments: "write" });
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "not delivered" }, noGrant), 403, "permission_denied");
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`, {}, await grant({ escrow: "dispute" })), 403, "permission_denied");
  const platform = await grant({ escrow: "dispute" });
  const disputed = await ok<Payment>(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "not delivered" }, platform));
  expect(disputed.escrow).toMatchObject({ status: "disputed", dispute: { reason: "not delivered", resolution: null } });
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`), 400, "escrow_disputed");
  await expectError(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "again" }, platform), 400, "escrow_disputed");
  const escrowedBefore = (await balance(request)).escrowed[0]!.amount;
  const resolved = await ok<Payment>(await post(request, `/api/v1/payments/${p.id}/escrow_dispute/resolve`, { resolution: "refund" }, platform));
  expect(resolved).toMatchObject({ amount_refunded: 8000, escrow: { status: "refunded", amount: 0, dispute: { resolution: "refund" } } });
  expect((await balance(request)).escrowed[0]!.amount).toBe(escrowedBefore - p.escrow!.net);
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`), 400, "escrow_not_held");
});

test("a dispute resolved by release pays the merchant", async ({ request }) => {
  const p = await ok<Payment>(await pay(request, { release_after_days: 3 }));
  await ok(await post(request, `/api/v1/payments/${p.id}/escrow_dispute`, { reason: "wrong size" }));
  const before = await balance(request);
  const resolved = await ok<Payment>(await post(request, `/api/v1/payments/${p.id}/escrow_dispute/resolve`, { resolution: "release" }));
  expect(resolved.escrow).toMatchObject({ status: "released", dispute: { resolution: "release" } });
  const after = await balance(request);
  expect(after.available[0]!.amount - before.available[0]!.amount).toBe(p.escrow!.net);
  await expectError(await post(request, `/api/v1/payments/${p.id}/release`), 400, "escrow_already_released");
});
