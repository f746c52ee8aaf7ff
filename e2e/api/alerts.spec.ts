// Alerts over the API: GET/POST /api/v1/alert_settings (defaults, saved per mode, bad input with exact codes
// and nothing stored, unknown params refused, a developer's key reads but cannot change, restricted keys by
// their account grant) and GET /api/v1/alerts (the mode's open alerts, never another merchant's).
import { and, eq, inArray } from "drizzle-orm";
import { alertSettings, memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { createPayment } from "@/lib/payments/create-payment";
import { type BodyOf, expect, expectError, kassa, ok, type Merchant, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("alerts-api-a");
  b = await seedMerchant("alerts-api-b");
});

const getSettings = (key = a.secretKey) => kassa(key).GET("/api/v1/alert_settings");
const saveSettings = (body: BodyOf<"/api/v1/alert_settings", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/alert_settings", { body });
const listAlerts = (key = a.secretKey) => kassa(key).GET("/api/v1/alerts");
const good = { failure_rate_threshold: 15, timeout_rate_threshold: 2.5, min_attempts: 50 };
const stored = async (merchantId: string) =>
  (await db()).db
    .select({ livemode: alertSettings.livemode, failure: alertSettings.failureRateBp, timeout: alertSettings.timeoutRateBp, min: alertSettings.minAttempts })
    .from(alertSettings)
    .where(eq(alertSettings.merchantId, merchantId));

test("alert settings: defaults, saved for the key's mode only, bad input refused with exact codes and nothing stored", async () => {
  expect(await ok(await getSettings())).toEqual({
    object: "alert_settings",
    livemode: false,
    failure_rate_threshold: 10,
    timeout_rate_threshold: 5,
    min_attempts: 20,
    window_minutes: 15,
    failure_rate_clears_at: 8,
    timeout_rate_clears_at: 4,
  });
  const refused: [Record<string, unknown>, string, string][] = [
    [{ failure_rate_threshold: -1 }, "parameter_invalid", "failure_rate_threshold"],
    [{ failure_rate_threshold: 100.01 }, "parameter_invalid", "failure_rate_threshold"],
    [{ timeout_rate_threshold: "abc" }, "parameter_invalid", "timeout_rate_threshold"],
    [{ timeout_rate_threshold: 0 }, "parameter_invalid", "timeout_rate_threshold"],
    [{ min_attempts: 0 }, "parameter_invalid_integer", "min_attempts"],
    [{ min_attempts: 2.5 }, "parameter_invalid_integer", "min_attempts"],
    [{ min_attempts: "20" }, "parameter_invalid", "min_attempts"],
    [{ merchant_id: b.merchantId }, "parameter_unknown", "merchant_id"],
    [{ livemode: true }, "parameter_unknown", "livemode"],
  ];
  for (const [change, code, param] of refused) await expectError(await saveSettings({ ...good, ...change } as never), 400, code, param);
  await expectError(await saveSettings({ failure_rate_threshold: 10, timeout_rate_threshold: 5 } as never), 400, "parameter_missing", "min_attempts");
  expect(await stored(a.merchantId)).toEqual([]);

  expect(await ok(await saveSettings(good))).toMatchObject({ livemode: false, ...good, failure_rate_clears_at: 12 });
  expect(await stored(a.merchantId)).toEqual([{ livemode: false, failure: 1500, timeout: 250, min: 50 }]);
  // The live key sees live mode's own (default) thresholds; merchant B is untouched.
  expect(await ok(await getSettings(a.liveKey))).toMatchObject({ livemode: true, failure_rate_threshold: 10 });
  expect(await ok(await getSettings(b.secretKey))).toMatchObject({ failure_rate_threshold: 10 });
  expect(await stored(b.merchantId)).toEqual([]);
});

test("a developer's key reads the thresholds but cannot change them (403); restricted keys by their account grant", async () => {
  const login = await addMember(b.ctx, "developer");
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), inArray(memberships.merchantId, [b.merchantId])));
  const devCtx = {
    merchantId: b.merchantId,
    livemode: false,
    actor: { type: "user" as const, id: user!.id, label: login.email },
    role: membership!.role,
    db: h.db,
  };
  const devKey = (await createApiKey({ ctx: devCtx, input: { kind: "secret", name: "dev" } })).secret;
  expect(await ok(await getSettings(devKey))).toMatchObject({ min_attempts: 20 });
  await expectError(await saveSettings(good, devKey), 403, "permission_denied");
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: b.ctx, input: { kind: "restricted", name: "alerts", permissions } })).secret;
  await expectError(await getSettings(await grant({ payments: "write" })), 403, "permission_denied");
  const reader = await grant({ account: "read" });
  expect(await ok(await getSettings(reader))).toMatchObject({ object: "alert_settings" });
  await expectError(await saveSettings(good, reader), 403, "permission_denied");
  expect(await stored(b.merchantId)).toEqual([]);
  expect(await ok(await saveSettings(good, await grant({ account: "write" })))).toMatchObject(good);
  expect(await stored(b.merchantId)).toEqual([{ livemode: false, failure: 1500, timeout: 250, min: 50 }]);
});

test("GET /api/v1/alerts lists the key's mode's open alerts, never another merchant's", async () => {
  const c = await seedMerchant("alerts-api-c");
  const h = await db();
  for (const [pm, n] of [
    ["pm_card_visa", 16],
    ["pm_card_chargeDeclined", 4],
  ] as const)
    for (let i = 0; i < n; i++)
      await createPayment({ ctx: { ...c.ctx, db: h.db }, input: { amount: 2000 + i, currency: "usd", payment_method: pm, confirm: true } }).catch(() => null);
  const run = await evaluateAlerts({ db: h.db, only: { merchantId: c.merchantId, livemode: false } });
  expect(run.opened).toHaveLength(1);
  const list = await ok(await listAlerts(c.secretKey));
  expect(list.data).toHaveLength(1);
  expect(list.data[0]).toMatchObject({
    id: run.opened[0],
    object: "alert",
    kind: "payment_failure_rate",
    status: "open",
    value: 20,
    threshold: 10,
    attempts: 20,
  });
  expect((await ok(await listAlerts(c.liveKey))).data).toEqual([]);
  expect((await ok(await listAlerts(a.secretKey))).data).toEqual([]);
});
