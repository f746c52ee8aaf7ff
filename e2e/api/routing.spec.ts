// Routing rules over the API: GET/POST /api/v1/routing_rules and POST /api/v1/routing_rules/evaluate — saved per
// merchant and mode, reference and syntax errors refused with the parameter named and nothing stored, unknown
// params (mass assignment) refused, an Idempotency-Key replays, roles and restricted keys by their routing grant,
// and a payment made after a rule is routed by it (its attempt records the rule).
import { and, eq, inArray } from "drizzle-orm";
import { memberships, paymentAttempts, routingConfigs, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { type BodyOf, expect, expectError, kassa, ok, type Merchant, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("routing-api-a");
  b = await seedMerchant("routing-api-b");
});

type Rules = BodyOf<"/api/v1/routing_rules", "post">;
const getRules = (key = a.secretKey) => kassa(key).GET("/api/v1/routing_rules");
const saveRules = (body: Rules, key = a.secretKey, headers: Record<string, string> = {}) => kassa(key).POST("/api/v1/routing_rules", { body, headers });
const evaluate = (body: BodyOf<"/api/v1/routing_rules/evaluate", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/routing_rules/evaluate", { body });
const eurToB: Rules = { rules: [{ name: "EUR to B", when: { currency: ["eur"] }, route: { connector: "sandbox_b" } }], default: { connector: "sandbox" } };
const stored = async (merchantId: string) =>
  (await db()).db
    .select({ livemode: routingConfigs.livemode, version: routingConfigs.version })
    .from(routingConfigs)
    .where(eq(routingConfigs.merchantId, merchantId));

test("rules: the built-in default until saved; bad input refused with the parameter named and nothing stored; saved for the key's mode only", async () => {
  expect(await ok(await getRules())).toEqual({
    object: "routing_rules",
    livemode: false,
    version: 0,
    rules: [],
    default: { connector: "sandbox" },
    connectors: [
      { name: "sandbox", payment_method_types: ["card"] },
      { name: "sandbox_b", payment_method_types: ["card"] },
    ],
    updated_at: null,
  });
  const refused: [unknown, number, string, string][] = [
    [{ ...eurToB, rules: [{ when: {}, route: { connector: "adyen" } }] }, 400, "routing_rule_invalid", "rules[0][route][connector]"],
    [
      {
        rules: [],
        default: {
          split: [
            { connector: "sandbox", weight: 60 },
            { connector: "sandbox_b", weight: 30 },
          ],
        },
      },
      400,
      "routing_rule_invalid",
      "default[split]",
    ],
    [
      { ...eurToB, rules: [{ when: { amount_gte: 900, amount_lt: 100 }, route: { connector: "sandbox" } }] },
      400,
      "routing_rule_invalid",
      "rules[0][when][amount_lt]",
    ],
    [{ ...eurToB, rules: [{ when: { currency: ["euro"] }, route: { connector: "sandbox" } }] }, 400, "parameter_invalid", "rules[0][when][currency][0]"],
    [{ ...eurToB, rules: [{ when: { amount_gte: 1.5 }, route: { connector: "sandbox" } }] }, 400, "parameter_invalid_integer", "rules[0][when][amount_gte]"],
    [{ ...eurToB, rules: [{ when: { colour: "red" }, route: { connector: "sandbox" } }] }, 400, "parameter_unknown", "rules[0][when][colour]"],
    [{ rules: [] }, 400, "parameter_missing", "default"],
    // Mass assignment: what the server owns cannot be sent.
    [{ ...eurToB, version: 7 }, 400, "parameter_unknown", "version"],
    [{ ...eurToB, merchant_id: b.merchantId }, 400, "parameter_unknown", "merchant_id"],
    // Oversized: at most 100 rules.
    [{ ...eurToB, rules: Array.from({ length: 101 }, () => eurToB.rules[0]) }, 400, "parameter_invalid", "rules"],
  ];
  for (const [body, status, code, param] of refused) await expectError(await saveRules(body as never), status, code, param);
  expect(await stored(a.merchantId)).toEqual([]);

  expect(await ok(await saveRules(eurToB))).toMatchObject({ object: "routing_rules", livemode: false, version: 1, rules: eurToB.rules });
  expect(await stored(a.merchantId)).toEqual([{ livemode: false, version: 1 }]);
  // Live mode has its own (no sandboxes there, so nothing to route to without Stripe or PayPal keys); B is untouched.
  await expectError(await saveRules(eurToB, a.liveKey), 400, "routing_rule_invalid", "rules[0][route][connector]");
  expect(await ok(await getRules(a.liveKey))).toMatchObject({ livemode: true, version: 0, connectors: [] });
  expect(await ok(await getRules(b.secretKey))).toMatchObject({ version: 0, rules: [] });
  expect(await stored(b.merchantId)).toEqual([]);
});

test("the same Idempotency-Key replays the first answer; a new key makes a new version", async () => {
  const c = await seedMerchant("routing-api-c");
  const headers = { "Idempotency-Key": `routing-${Date.now()}` };
  const first = await saveRules(eurToB, c.secretKey, headers);
  const again = await saveRules(eurToB, c.secretKey, headers);
  expect(again.response.headers.get("idempotent-replayed")).toBe("true");
  expect(await ok(again)).toEqual(await ok(first));
  expect(await stored(c.merchantId)).toEqual([{ livemode: false, version: 1 }]);
  expect(await ok(await saveRules(eurToB, c.secretKey))).toMatchObject({ version: 2 });
});

test("a payment made after the rule is routed by it; the tester says the same", async () => {
  const d = await seedMerchant("routing-api-d");
  await ok(await saveRules(eurToB, d.secretKey));
  const payment = await ok(
    await kassa(d.secretKey).POST("/api/v1/payments", { body: { amount: 4200, currency: "eur", payment_method: "pm_card_visa", confirm: true } }),
  );
  expect(payment.status).toBe("succeeded");
  const [attempt] = await (await db()).db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, payment.id));
  expect(attempt).toMatchObject({ connector: "sandbox_b", routing: { version: 1, rule: { index: 0, name: "EUR to B" } } });
  expect(await ok(await evaluate({ amount: 4200, currency: "eur", payment_method: "pm_card_visa" }, d.secretKey))).toEqual({
    object: "routing_decision",
    livemode: false,
    connector: "sandbox_b",
    rule: { index: 0, name: "EUR to B" },
    candidates: ["sandbox_b", "sandbox"],
    version: 1,
    built_in: false,
  });
  expect(await ok(await evaluate({ amount: 4200, currency: "usd" }, d.secretKey))).toMatchObject({ connector: "sandbox", rule: null });
  await expectError(await evaluate({ amount: 0, currency: "usd" } as never, d.secretKey), 400, "parameter_invalid_integer", "amount");
  await expectError(await evaluate({ amount: 100, currency: "usd", bin: "42" } as never, d.secretKey), 400, "parameter_invalid", "bin");
  await expectError(
    await evaluate({ amount: 100, currency: "usd", payment_method_type: "paypal" }, d.secretKey),
    400,
    "payment_method_unsupported",
    "payment_method_type",
  );
});

test("roles: a developer's key reads and tests but cannot change the rules (403); restricted keys by their routing grant", async () => {
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
  expect(await ok(await getRules(devKey))).toMatchObject({ object: "routing_rules" });
  expect(await ok(await evaluate({ amount: 100, currency: "usd" }, devKey))).toMatchObject({ connector: "sandbox" });
  await expectError(await saveRules(eurToB, devKey), 403, "permission_denied");
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: b.ctx, input: { kind: "restricted", name: "routing", permissions } })).secret;
  await expectError(await getRules(await grant({ payments: "write" })), 403, "permission_denied");
  const reader = await grant({ routing: "read" });
  expect(await ok(await getRules(reader))).toMatchObject({ version: 0 });
  await expectError(await saveRules(eurToB, reader), 403, "permission_denied");
  expect(await stored(b.merchantId)).toEqual([]);
  expect(await ok(await saveRules(eurToB, await grant({ routing: "write" })))).toMatchObject({ version: 1 });
  // No key, a bad key: 401.
  await expectError(await kassa().GET("/api/v1/routing_rules"), 401, "api_key_missing");
});
