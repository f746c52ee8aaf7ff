// Radar rules, value lists and the backtest over real HTTP: create/read/version/disable/list, exact status and code
// for bad input (a syntax error is 400 rule_invalid naming the column, unknown fields 400 parameter_unknown — no mass
// assignment of status, version or replaces), duplicates 400 resource_already_exists, another merchant's and the
// other mode's ids 404, a developer's key 403 on writes, restricted keys by their radar grant.
import { and, eq, inArray } from "drizzle-orm";
import { fraudListItems, fraudRules, memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, addMember, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("radar-a");
  b = await seedMerchant("radar-b");
});

const byId = (id: string) => ({ params: { path: { id } } });
const createRule = (body: BodyOf<"/api/v1/radar/rules", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/radar/rules", { body });
const getRule = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/radar/rules/{id}", byId(id));
const updateRule = (id: string, body: BodyOf<"/api/v1/radar/rules/{id}", "post">, key = a.secretKey) =>
  kassa(key).POST("/api/v1/radar/rules/{id}", { ...byId(id), body });
const disableRule = (id: string, key = a.secretKey) => kassa(key).DELETE("/api/v1/radar/rules/{id}", byId(id));
const listRules = (query: { status?: "active" | "disabled"; limit?: number } = {}, key = a.secretKey) =>
  kassa(key).GET("/api/v1/radar/rules", { params: { query } });
const backtest = (body: BodyOf<"/api/v1/radar/rules/backtest", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/radar/rules/backtest", { body });
const createList = (body: BodyOf<"/api/v1/radar/value_lists", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/radar/value_lists", { body });
const getList = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/radar/value_lists/{id}", byId(id));
const deleteList = (id: string, key = a.secretKey) => kassa(key).DELETE("/api/v1/radar/value_lists/{id}", byId(id));
const createItem = (body: BodyOf<"/api/v1/radar/value_list_items", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/radar/value_list_items", { body });
const listItems = (query: { value_list: string }, key = a.secretKey) => kassa(key).GET("/api/v1/radar/value_list_items", { params: { query } });
const deleteItem = (id: string, key = a.secretKey) => kassa(key).DELETE("/api/v1/radar/value_list_items/{id}", byId(id));

const rulesOf = async (merchantId: string) => (await (await db()).db.select().from(fraudRules).where(eq(fraudRules.merchantId, merchantId))).length;

test("rules: create, read, a new version, disable, list — and every bad input with its exact status and code", async () => {
  const rule = await ok(await createRule({ source: "block if :amount_in_usd: > 5000 and :card_country: != :ip_country:" }));
  expect(rule).toMatchObject({ object: "radar.rule", action: "block", status: "active", version: 1, replaces: null, livemode: false });
  expect(await ok(await getRule(rule.id))).toEqual(rule);
  const v2 = await ok(await updateRule(rule.id, { source: "review if :amount_in_usd: > 2000" }));
  expect(v2).toMatchObject({ action: "review", version: 2, replaces: rule.id, status: "active" });
  expect(await ok(await getRule(rule.id))).toMatchObject({ status: "disabled" });
  const list = await ok(await listRules({ status: "active", limit: 1 }));
  expect(list).toMatchObject({ object: "list", has_more: false, url: "/api/v1/radar/rules" });
  expect(list.data.map((r) => r.id)).toEqual([v2.id]);
  expect(await ok(await disableRule(v2.id))).toMatchObject({ id: v2.id, status: "disabled" });
  await expectError(await updateRule(v2.id, { source: "block if :amount: > 1" }), 400, "rule_inactive", "id");

  const before = await rulesOf(a.merchantId);
  const syntax = await expectError(await createRule({ source: "block if :amount_in_usd: >" }), 400, "rule_invalid", "source");
  expect(syntax).toMatchObject({ type: "invalid_request_error", message: "Invalid rule: Expected a value after '>' at column 27." });
  await expectError(await createRule({ source: "block if :email: in @nope" }), 400, "rule_invalid", {
    param: "source",
    message: expect.stringContaining("no list @nope at column 10"),
  });
  await expectError(await createRule({ source: `review if :amount: > ${"1".repeat(1000)}` }), 400, "rule_invalid", {
    message: expect.stringContaining("longer than 1000 characters"),
  });
  await expectError(await createRule({ action: "allow", source: "block if :amount: > 1" }), 400, "parameter_invalid", "action");
  await expectError(await createRule({} as never), 400, "parameter_missing", "source");
  // Mass assignment: status, version, replaces and livemode are not the client's to set.
  for (const extra of [{ status: "disabled" }, { version: 7 }, { replaces: rule.id }, { livemode: true }, { merchant_id: b.merchantId }]) {
    await expectError(await createRule({ source: "block if :amount: > 1", ...extra } as never), 400, "parameter_unknown", Object.keys(extra)[0]!);
  }
  await expectError(await updateRule(rule.id, { source: "block if :amount: > 1", status: "active" } as never), 400, "parameter_unknown", "status");
  await expectError(await listRules({ status: "all" as never }), 400, "parameter_invalid", "status");
  await expectError(await listRules({ limit: 101 }), 400, "parameter_invalid_integer", "limit");
  await expectError(await backtest({ source: "block if (:amount: > 1" }), 400, "rule_invalid", {
    message: expect.stringContaining("at column 23"),
  });
  expect(await rulesOf(a.merchantId)).toBe(before);
});

test("value lists and items: create, default lists on first use, lowercased values, duplicates, delete; a rule then reads the list", async () => {
  const vip = await ok(await createList({ alias: "vip_customers", name: "VIP customers", item_type: "email" }));
  expect(vip).toMatchObject({ object: "radar.value_list", alias: "vip_customers", item_type: "email", list_items: { object: "list", data: [] } });
  await expectError(await createList({ alias: "vip_customers", name: "x", item_type: "email" }), 400, "resource_already_exists", "alias");
  await expectError(await createList({ alias: "VIP list", name: "x", item_type: "email" }), 400, "parameter_invalid", "alias");
  await expectError(await createList({ alias: "ok", name: "x", item_type: "phone" as never }), 400, "parameter_invalid", "item_type");
  await expectError(await createList({ alias: "ok", name: "x", item_type: "email", id: "rsl_mine" } as never), 400, "parameter_unknown", "id");

  const item = await ok(await createItem({ value_list: vip.id, value: "Jenny@Example.com" }));
  expect(item).toMatchObject({ object: "radar.value_list_item", value: "jenny@example.com", value_list: vip.id });
  await expectError(await createItem({ value_list: vip.id, value: "JENNY@example.com" }), 400, "resource_already_exists", "value");
  await expectError(await createItem({ value_list: vip.id, value: "jenny" }), 400, "parameter_invalid", "value");
  await expectError(await createItem({ value_list: "nope", value: "a@b.io" }), 404, "resource_missing", "value_list");
  // The default block list is made by its first item.
  const blocked = await ok(await createItem({ value_list: "block_ip_address", value: "203.0.113.7" }));
  const blockList = await ok(await getList(blocked.value_list));
  expect(blockList).toMatchObject({ alias: "block_ip_address", item_type: "ip_address", list_items: { data: [{ id: blocked.id, value: "203.0.113.7" }] } });
  const items = await ok(await listItems({ value_list: vip.id }));
  expect(items.data.map((i) => i.id)).toEqual([item.id]);
  await expectError(await kassa(a.secretKey).GET("/api/v1/radar/value_list_items", { params: { query: {} as never } }), 400, "parameter_missing", "value_list");

  const rule = await ok(await createRule({ source: "allow if :email: in @vip_customers" }));
  await expectError(await deleteList(vip.id), 400, "value_list_in_use", "id");
  await ok(await disableRule(rule.id));
  expect(await ok(await deleteItem(item.id))).toEqual({ id: item.id, object: "radar.value_list_item", deleted: true });
  expect(await ok(await deleteList(vip.id))).toEqual({ id: vip.id, object: "radar.value_list", deleted: true });
  await expectError(await getList(vip.id), 404, "resource_missing", "id");
});

test("the backtest answers counts, amounts and examples of the last 30 days and stores nothing", async () => {
  const result = await ok(await backtest({ source: "review if :risk_score: >= 0" }));
  expect(result).toMatchObject({
    object: "radar.rule_backtest",
    action: "review",
    evaluated: 0,
    matched: 0,
    examples: [],
    truncated: false,
    max_assessments: 50_000,
  });
  await expectError(await backtest({ source: "review if :risk_score: >= 0", action: "review" } as never), 400, "parameter_unknown", "action");
});

test("tenants and modes: another merchant's and the other mode's rules, lists and items are 404", async () => {
  const rule = await ok(await createRule({ source: "block if :amount: > 99999" }));
  const list = await ok(await createList({ alias: "a_only", name: "A only", item_type: "card_bin" }));
  const item = await ok(await createItem({ value_list: list.id, value: "424242" }));
  for (const key of [b.secretKey, a.liveKey]) {
    await expectError(await getRule(rule.id, key), 404, "resource_missing", "id");
    await expectError(await updateRule(rule.id, { source: "block if :amount: > 1" }, key), 404, "resource_missing", "id");
    await expectError(await disableRule(rule.id, key), 404, "resource_missing", "id");
    await expectError(await getList(list.id, key), 404, "resource_missing", "id");
    await expectError(await deleteList(list.id, key), 404, "resource_missing", "id");
    await expectError(await createItem({ value_list: list.id, value: "555555" }, key), 404, "resource_missing", "value_list");
    await expectError(await listItems({ value_list: list.id }, key), 404, "resource_missing", "value_list");
    await expectError(await deleteItem(item.id, key), 404, "resource_missing", "id");
    await expectError(await createRule({ source: "block if :card_bin: in @a_only" }, key), 400, "rule_invalid", "source");
    expect((await ok(await kassa(key).GET("/api/v1/radar/value_lists"))).data.every((l) => l.id !== list.id)).toBe(true);
  }
  const h = await db();
  expect((await h.db.select().from(fraudListItems).where(eq(fraudListItems.listId, list.id))).map((i) => i.value)).toEqual(["424242"]);
  expect(await ok(await getRule(rule.id))).toMatchObject({ status: "active", version: 1 });
});

test("roles and restricted keys: a developer's key reads but cannot write (403); radar write grants writes, read only reads", async () => {
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
  const rule = await ok(await createRule({ source: "block if :amount: > 88888" }));
  expect(await ok(await getRule(rule.id, devKey))).toMatchObject({ id: rule.id });
  await expectError(await createRule({ source: "block if :amount: > 1" }, devKey), 403, "permission_denied");
  await expectError(await disableRule(rule.id, devKey), 403, "permission_denied");
  await expectError(await createItem({ value_list: "block_email", value: "x@y.io" }, devKey), 403, "permission_denied");

  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: a.ctx, input: { kind: "restricted", name: "radar", permissions } })).secret;
  const readOnly = await grant({ radar: "read" });
  expect(await ok(await listRules({}, readOnly))).toMatchObject({ object: "list" });
  await expectError(await createRule({ source: "block if :amount: > 1" }, readOnly), 403, "permission_denied");
  await expectError(await listRules({}, await grant({ payments: "write" })), 403, "permission_denied");
  expect(await ok(await createRule({ source: "block if :amount: > 77777" }, await grant({ radar: "write" })))).toMatchObject({
    status: "active",
  });
});
