// Payouts and bank accounts over HTTP: masked numbers, exact error codes, Idempotency-Key, tenants, modes,
// member keys by role, restricted keys, and a balance that shows what is in transit.
import { fundAvailable } from "@/test/payouts";
import { type BodyOf, expect, expectError, kassa, ok, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";

const US = { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" };

const addBankAccount = (key: string, body: BodyOf<"/api/v1/bank_accounts", "post">) => kassa(key).POST("/api/v1/bank_accounts", { body });
const payout = (key: string, body: BodyOf<"/api/v1/payouts", "post">, headers: Record<string, string> = {}) =>
  kassa(key).POST("/api/v1/payouts", { body, headers });
const getBankAccount = (id: string, key: string) => kassa(key).GET("/api/v1/bank_accounts/{id}", { params: { path: { id } } });
const getPayout = (id: string, key: string) => kassa(key).GET("/api/v1/payouts/{id}", { params: { path: { id } } });
const cancelPayout = (id: string, key: string) => kassa(key).POST("/api/v1/payouts/{id}/cancel", { params: { path: { id } } });
const setPayoutSettings = (key: string, body: BodyOf<"/api/v1/payout_settings", "post">) => kassa(key).POST("/api/v1/payout_settings", { body });

test("bank accounts: masked in every answer and event; bad numbers refused with exact codes", async () => {
  const m = await seedMerchant("ba");
  const ba = await ok(await addBankAccount(m.secretKey, US));
  expect(ba).toMatchObject({ object: "bank_account", last4: "6789", bank_name: "STRIPE TEST BANK", default_for_currency: true });
  const iban = await ok(
    await addBankAccount(m.secretKey, {
      ...US,
      currency: "eur",
      country: "DE",
      account_number: undefined,
      routing_number: undefined,
      iban: "DE89370400440532013000",
    }),
  );
  expect(iban).toMatchObject({ last4: "3000", country: "DE" });
  const all = JSON.stringify([
    await ok(await kassa(m.secretKey).GET("/api/v1/bank_accounts")),
    await ok(await getBankAccount(ba.id, m.secretKey)),
    await ok(await kassa(m.secretKey).GET("/api/v1/events", { params: { query: { limit: 100 } } })),
  ]);
  expect(all).toContain(ba.id);
  expect(all).not.toContain("000123456789");
  expect(all).not.toContain("0532013000");
  await expectError(
    await addBankAccount(m.secretKey, {
      ...US,
      account_number: undefined,
      routing_number: undefined,
      country: "DE",
      iban: "DE89370400440532013001",
    }),
    400,
    "iban_invalid",
    "iban",
  );
  await expectError(await addBankAccount(m.secretKey, { ...US, routing_number: "123456789" }), 400, "routing_number_invalid", "routing_number");
  await expectError(await addBankAccount(m.secretKey, { ...US, account_number: "12" }), 400, "account_number_invalid", "account_number");
  // Deliberately invalid: fingerprint is no parameter.
  await expectError(await addBankAccount(m.secretKey, { ...US, fingerprint: "x" } as never), 400, "parameter_unknown");
  const other = await seedMerchant("ba2");
  await expectError(await getBankAccount(ba.id, other.secretKey), 404, "resource_missing");
  await expectError(await getBankAccount(ba.id, m.liveKey), 404, "resource_missing");
  await expectError(await kassa(other.secretKey).DELETE("/api/v1/bank_accounts/{id}", { params: { path: { id: ba.id } } }), 404, "resource_missing");
});

test("payouts: create with Idempotency-Key, list, get, cancel; exact codes; another merchant's and the other mode's 404", async () => {
  const m = await seedMerchant("po");
  const h = await db();
  await expectError(await payout(m.secretKey, { amount: 100, currency: "usd" }), 400, "no_external_account", "currency");
  const ba = await ok(await addBankAccount(m.secretKey, US));
  await fundAvailable(h.db, m.ctx, 10_000n);
  await expectError(await payout(m.secretKey, { amount: 10_001, currency: "usd" }), 400, "balance_insufficient", "amount");
  const other = await seedMerchant("po2");
  const theirs = await ok(await addBankAccount(other.secretKey, US));
  await expectError(await payout(m.secretKey, { amount: 100, currency: "usd", bank_account: theirs.id }), 404, "resource_missing", "bank_account");

  const first = await payout(m.secretKey, { amount: 4_000, currency: "usd", description: "weekly" }, { "Idempotency-Key": "po-1" });
  const po = await ok(first);
  expect(po).toMatchObject({ object: "payout", amount: 4_000, destination: ba.id, automatic: false });
  const replay = await payout(m.secretKey, { amount: 4_000, currency: "usd", description: "weekly" }, { "Idempotency-Key": "po-1" });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect((await ok(replay)).id).toBe(po.id);
  const balance = await ok(await kassa(m.secretKey).GET("/api/v1/balance"));
  expect(balance.available[0]!.amount).toBe(6_000);
  expect(balance.in_transit[0]!.amount).toBe(4_000);

  const list = await ok(await kassa(m.secretKey).GET("/api/v1/payouts"));
  expect(list.data.map((p) => p.id)).toEqual([po.id]);
  expect((await ok(await kassa(other.secretKey).GET("/api/v1/payouts"))).data).toEqual([]);
  await expectError(await getPayout(po.id, other.secretKey), 404, "resource_missing");
  await expectError(await getPayout(po.id, m.liveKey), 404, "resource_missing");
  await expectError(await cancelPayout(po.id, other.secretKey), 404, "resource_missing");

  // A second payout, canceled: the running app's payout-send run may have handed it to the bank already
  // (then 400 payout_unexpected_state); the deterministic cases are in lib/payouts/payouts.test.ts.
  const second = await ok(await payout(m.secretKey, { amount: 1_000, currency: "usd" }));
  const cancel = await cancelPayout(second.id, m.secretKey);
  if (cancel.response.status === 200) expect(cancel.data?.status).toBe("canceled");
  else await expectError(cancel, 400, "payout_unexpected_state");
  // Deliberately invalid: status is no parameter.
  await expectError(await payout(m.secretKey, { amount: 100, currency: "usd", status: "paid" } as never), 400, "parameter_unknown");
});

test("payout settings: manual by default, set per mode, bad input with exact codes", async () => {
  const m = await seedMerchant("ps");
  expect(await ok(await kassa(m.secretKey).GET("/api/v1/payout_settings"))).toMatchObject({ schedule: { interval: "manual" } });
  expect(await ok(await setPayoutSettings(m.secretKey, { interval: "weekly", weekly_anchor: "friday" }))).toMatchObject({
    schedule: { interval: "weekly", weekly_anchor: "friday" },
  });
  expect(await ok(await kassa(m.liveKey).GET("/api/v1/payout_settings"))).toMatchObject({
    livemode: true,
    schedule: { interval: "manual" },
  });
  // Deliberately invalid: no such interval.
  await expectError(await setPayoutSettings(m.secretKey, { interval: "hourly" as never }), 400, "parameter_invalid", "interval");
  await expectError(await setPayoutSettings(m.secretKey, { interval: "monthly", monthly_anchor: 0 }), 400, "parameter_invalid_integer", "monthly_anchor");
});

test("roles: a member's key acts with their role (a developer reads, cannot pay out); a restricted key with payouts read only cannot pay out", async () => {
  const m = await seedMerchant("pr");
  const h = await db();
  await ok(await addBankAccount(m.secretKey, US));
  await fundAvailable(h.db, m.ctx, 5_000n);
  const { object: analystKey, secret: analystSecret } = await (async () => {
    const login = await addMember(m.ctx, "developer");
    const { memberships, users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const [u] = await h.db.select().from(users).where(eq(users.email, login.email));
    const [mem] = await h.db.select().from(memberships).where(eq(memberships.userId, u!.id));
    return createApiKey({ ctx: { ...m.ctx, actor: { type: "user", id: u!.id }, role: mem!.role }, input: { kind: "secret", name: "developer" } });
  })();
  expect(analystKey.id).toMatch(/^key_/);
  await ok(await kassa(analystSecret).GET("/api/v1/payouts"));
  await expectError(await payout(analystSecret, { amount: 100, currency: "usd" }), 403, "permission_denied");
  await expectError(await addBankAccount(analystSecret, US), 403, "permission_denied");
  const rk = await createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: "payouts read", permissions: { payouts: "read" } } });
  await ok(await kassa(rk.secret).GET("/api/v1/payouts"));
  await expectError(await payout(rk.secret, { amount: 100, currency: "usd" }), 403, "permission_denied");
  const none = await createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: "nothing", permissions: { payments: "read" } } });
  await expectError(await kassa(none.secret).GET("/api/v1/bank_accounts"), 403, "permission_denied");
});
