// A key a team member makes acts with that member's current role and stops when they leave.
import { expect, test } from "../support/api";
import { and, eq } from "drizzle-orm";
import { memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { removeMember } from "@/lib/team/change-role";
import { auth, expectError, ok } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

test("a developer's key makes payments but cannot refund; removing the developer stops the key", async ({ request }) => {
  const m = await seedMerchant("devkey");
  const dev = await addMember(m.ctx, "developer");
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, dev.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, m.merchantId)));
  // The verb the dashboard's "Create key" calls, as the developer.
  const { secret } = await createApiKey({
    ctx: { merchantId: m.merchantId, livemode: false, actor: { type: "user", id: user!.id, label: dev.email }, role: "developer", db: h.db },
    input: { kind: "secret", name: "dev" },
  });

  const paid = await ok<{ id: string }>(
    await request.post("/api/v1/payments", { headers: auth(secret), data: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } }),
  );
  await expectError(await request.post("/api/v1/refunds", { headers: auth(secret), data: { payment: paid.id } }), 403, "permission_denied");
  await expectError(await request.post("/api/v1/account", { headers: auth(secret), data: { business_name: "Taken over" } }), 403, "permission_denied");
  // The owner's key still refunds.
  await ok(await request.post("/api/v1/refunds", { headers: auth(m.secretKey), data: { payment: paid.id } }));

  // Removed from this test's process — to the server, another instance: the database's notification
  // reaches its key cache at commit, milliseconds later (the dashboard's own removal drops it before answering).
  await removeMember({ ctx: m.ctx, membershipId: membership!.id });
  await expect.poll(async () => (await request.get("/api/v1/account", { headers: auth(secret) })).status(), { timeout: 2_000, intervals: [10] }).toBe(401);
  await expectError(await request.get("/api/v1/account", { headers: auth(secret) }), 401, "api_key_expired");
});

test("a restricted key (rk_) does only what its grants allow", async ({ request }) => {
  const m = await seedMerchant("rkey");
  const { secret } = await createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: "orders", permissions: { payments: "write", customers: "read" } } });
  expect(secret).toMatch(/^rk_test_/);
  const paid = await ok<{ id: string }>(
    await request.post("/api/v1/payments", { headers: auth(secret), data: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } }),
  );
  await ok(await request.get(`/api/v1/payments/${paid.id}`, { headers: auth(secret) }));
  await ok(await request.get("/api/v1/customers", { headers: auth(secret) }));
  await expectError(await request.post("/api/v1/customers", { headers: auth(secret), data: { email: "a@b.test" } }), 403, "permission_denied");
  await expectError(await request.post("/api/v1/refunds", { headers: auth(secret), data: { payment: paid.id } }), 403, "permission_denied");
  await expectError(await request.get("/api/v1/account", { headers: auth(secret) }), 403, "permission_denied");
  await expectError(await request.get("/api/v1/balance", { headers: auth(secret) }), 403, "permission_denied");
  // A restricted test key under a live prefix is no key at all.
  await expectError(await request.get("/api/v1/customers", { headers: auth(secret.replace("rk_test_", "rk_live_")) }), 401, "api_key_invalid");
});
