// A key a team member makes acts with that member's current role and stops when they leave.
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { removeMember } from "@/lib/team/change-role";
import { expect, expectError, kassa, ok, test } from "../support/api";
import { memberKey, seedMerchant } from "../support/db";

test("a developer's key makes payments but cannot refund; removing the developer stops the key", async () => {
  const m = await seedMerchant("devkey");
  // The verb the dashboard's "Create key" calls, as the developer.
  const { secret, membershipId } = await memberKey(m.ctx, "developer");

  const paid = await ok(
    await kassa(secret).POST("/api/v1/payments", { body: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } }),
  );
  await expectError(await kassa(secret).POST("/api/v1/refunds", { body: { payment: paid.id } }), 403, "permission_denied");
  await expectError(await kassa(secret).POST("/api/v1/account", { body: { business_name: "Taken over" } }), 403, "permission_denied");
  // The owner's key still refunds.
  await ok(await kassa(m.secretKey).POST("/api/v1/refunds", { body: { payment: paid.id } }));

  // Removed from this test's process — to the server, another instance: the removal answers only once the
  // server's key cache has dropped the key (the barrier, lib/cache/barrier.ts), so the very next request is refused.
  await removeMember({ ctx: m.ctx, membershipId });
  await expectError(await kassa(secret).GET("/api/v1/account"), 401, "api_key_expired");
});

test("a restricted key (rk_) does only what its grants allow", async () => {
  const m = await seedMerchant("rkey");
  const { secret } = await createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: "orders", permissions: { payments: "write", customers: "read" } } });
  expect(secret).toMatch(/^rk_test_/);
  const api = kassa(secret);
  const paid = await ok(await api.POST("/api/v1/payments", { body: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } }));
  await ok(await api.GET("/api/v1/payments/{id}", { params: { path: { id: paid.id } } }));
  await ok(await api.GET("/api/v1/customers"));
  await expectError(await api.POST("/api/v1/customers", { body: { email: "a@b.test" } }), 403, "permission_denied");
  await expectError(await api.POST("/api/v1/refunds", { body: { payment: paid.id } }), 403, "permission_denied");
  await expectError(await api.GET("/api/v1/account"), 403, "permission_denied");
  await expectError(await api.GET("/api/v1/balance"), 403, "permission_denied");
  // A restricted test key under a live prefix is no key at all.
  await expectError(await kassa(secret.replace("rk_test_", "rk_live_")).GET("/api/v1/customers"), 401, "api_key_invalid");
});
