// Orders and fulfilment hooks over real HTTP: a hook registered under the webhook URL policy, an order whose saga
// runs on the app's own workflow engine and calls a merchant server here (which checks every signature), the
// order read back with its steps; bad input with its exact status and code; another merchant's and the other
// mode's ids 404; member keys by role and restricted keys by their grant.
import http from "node:http";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Role } from "@/db/schema";
import { addMember, db, seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

let a: Merchant;
let b: Merchant;
let merchant: http.Server;
let base = "";
const calls: { path: string; webhookId: string; verified: boolean }[] = [];
let secret = "";

test.beforeAll(async () => {
  a = await seedMerchant("orders-a");
  b = await seedMerchant("orders-b");
  merchant = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let verified = false;
      try {
        new Webhook(secret).verify(raw, req.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      calls.push({ path: req.url ?? "", webhookId: String(req.headers["webhook-id"]), verified });
      res.writeHead(verified ? 200 : 401).end("{}");
    });
  });
  await new Promise<void>((resolve) => merchant.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(merchant.address() as { port: number }).port}`;
});
test.afterAll(() => merchant?.close());

type OrderBody = BodyOf<"/api/v1/orders", "post">;
type HookBody = BodyOf<"/api/v1/fulfillment_hooks", "post">;

const createHook = (body: HookBody, key = a.secretKey) => kassa(key).POST("/api/v1/fulfillment_hooks", { body });
const listHooks = (key = a.secretKey) => kassa(key).GET("/api/v1/fulfillment_hooks");
const deleteHook = (id: string, key = a.secretKey) => kassa(key).DELETE("/api/v1/fulfillment_hooks/{id}", { params: { path: { id } } });
const createOrder = (body: OrderBody, key = a.secretKey, headers: Record<string, string> = {}) => kassa(key).POST("/api/v1/orders", { body, headers });
const getOrder = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/orders/{id}", { params: { path: { id } } });
const listOrders = (query: { status?: "initiated" | "processing" | "succeeded" | "failed" | "compensated" } = {}, key = a.secretKey) =>
  kassa(key).GET("/api/v1/orders", { params: { query } });
const hookUrls = (root = base): HookBody => ({ reserve_url: `${root}/reserve`, confirm_url: `${root}/confirm`, release_url: `${root}/release` });
const goodOrder: OrderBody = {
  amount: 2500,
  currency: "usd",
  payment_method: "pm_card_visa",
  items: [
    { name: "Mug", quantity: 2, amount: 2000 },
    { name: "Spoon", quantity: 1, amount: 500 },
  ],
  metadata: { cart: "42" },
};

async function memberKey(m: Merchant, role: Role): Promise<string> {
  const login = await addMember(m.ctx, role);
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, m.merchantId)));
  const ctx = {
    merchantId: m.merchantId,
    livemode: false,
    actor: { type: "user" as const, id: user!.id, label: login.email },
    role: membership!.role,
    db: h.db,
  };
  return (await createApiKey({ ctx, input: { kind: "secret", name: role } })).secret;
}

test.describe.configure({ mode: "serial" });

test("a fulfilment hook, then an order whose saga authorises, reserves, captures and confirms with signed calls", async () => {
  const hook = await ok(await createHook({ ...hookUrls(), description: "shop" }));
  expect(hook).toMatchObject({ object: "fulfillment_hook", reserve_url: `${base}/reserve` });
  expect(hook.secret).toMatch(/^whsec_/);
  secret = hook.secret!;
  const list = await ok(await listHooks());
  expect(list.data.map((h) => h.id)).toEqual([hook.id]);
  expect(list.data[0]!.secret).toBeUndefined();
  // One live hook per mode.
  await expectError(await createHook(hookUrls()), 400, "resource_already_exists");

  const created = await ok(await createOrder(goodOrder, a.secretKey, { "Idempotency-Key": "order-1" }));
  expect(created).toMatchObject({ object: "order", status: "initiated", amount: 2500 });
  expect(created.id).toMatch(/^ord_/);
  const replay = await createOrder(goodOrder, a.secretKey, { "Idempotency-Key": "order-1" });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect((await ok(replay)).id).toBe(created.id);

  await expect.poll(async () => (await ok(await getOrder(created.id))).status, { timeout: 30_000 }).toBe("succeeded");
  const done = await ok(await getOrder(created.id));
  expect(done.steps!.map((s) => [s.name, s.outcome, s.step_key])).toEqual([
    ["authorize", "succeeded", `${created.id}:authorize`],
    ["reserve", "succeeded", `${created.id}:reserve`],
    ["capture", "succeeded", `${created.id}:capture`],
    ["confirm", "succeeded", `${created.id}:confirm`],
  ]);
  expect(calls.map((c) => [c.path, c.webhookId, c.verified])).toEqual([
    ["/reserve", `${created.id}:reserve`, true],
    ["/confirm", `${created.id}:confirm`, true],
  ]);
  expect(await ok(await kassa(a.secretKey).GET("/api/v1/payments/{id}", { params: { path: { id: String(done.payment) } } }))).toMatchObject({
    status: "succeeded",
    amount_received: 2500,
    capture_method: "manual",
  });
  const orders = await ok(await listOrders({ status: "succeeded" }));
  expect(orders.data.map((o) => o.id)).toContain(created.id);
  expect(orders.data[0]!.steps).toBeUndefined();

  // Another merchant and the other mode see none of it.
  await expectError(await getOrder(created.id, b.secretKey), 404, "resource_missing", "id");
  await expectError(await getOrder(created.id, a.liveKey), 404, "resource_missing", "id");
  expect((await ok(await listOrders({}, b.secretKey))).data).toEqual([]);
  expect((await ok(await listHooks(a.liveKey))).data).toEqual([]);
  await expectError(await deleteHook(hook.id, b.secretKey), 404, "resource_missing", "id");
  await expectError(await deleteHook(hook.id, a.liveKey), 404, "resource_missing", "id");
  expect(await ok(await deleteHook(hook.id))).toEqual({
    id: hook.id,
    object: "fulfillment_hook",
    deleted: true,
  });
  expect((await ok(await listHooks())).data).toEqual([]);
});

test("hook URLs follow the webhook endpoints' policy: https in live mode, no private or reserved addresses", async () => {
  await expectError(await createHook(hookUrls("http://shop.example.com"), a.liveKey), 400, "url_invalid", "reserve_url");
  await expectError(
    await createHook({ ...hookUrls("https://shop.example.com"), confirm_url: "https://10.1.2.3/confirm" }, b.secretKey),
    400,
    "url_invalid",
    "confirm_url",
  );
  await expectError(
    await createHook({ ...hookUrls("https://shop.example.com"), release_url: "https://169.254.169.254/latest" }, b.secretKey),
    400,
    "url_invalid",
    "release_url",
  );
  await expectError(await createHook(hookUrls("https://internal.localhost"), b.secretKey), 400, "url_invalid", "reserve_url");
  await expectError(await createHook(hookUrls("ftp://shop.example.com"), b.secretKey), 400, "url_invalid", "reserve_url");
  const { release_url: _omit, ...missing } = hookUrls("https://shop.example.com");
  // Deliberately invalid (`as never`): a required URL left out, then fields the caller may not set.
  await expectError(await createHook(missing as never, b.secretKey), 400, "parameter_missing", "release_url");
  // Mass assignment: the secret, mode or merchant are not the caller's to set.
  for (const extra of [{ secret: "whsec_AAAA" }, { livemode: true }, { merchant_id: a.merchantId }]) {
    await expectError(await createHook({ ...hookUrls("https://shop.example.com"), ...extra } as never, b.secretKey), 400, "parameter_unknown");
  }
  expect((await ok(await listHooks(b.secretKey))).data).toEqual([]);
});

test("bad orders with their exact status and code, nothing stored", async () => {
  const bad = (body: OrderBody) => createOrder(body, b.secretKey);
  await expectError(await bad({ ...goodOrder, amount: 2600 }), 400, "parameter_invalid", "items");
  // Deliberately invalid (`as never`): a required field left out, a status or item field the document does not have.
  const { payment_method: _pm, ...noMethod } = goodOrder;
  await expectError(await bad(noMethod as never), 400, "parameter_missing", "payment_method");
  await expectError(await bad({ ...goodOrder, currency: "xyz" }), 400, "currency_unsupported", "currency");
  await expectError(
    await bad({ ...goodOrder, amount: 101, items: Array.from({ length: 101 }, (_, i) => ({ name: `i${i}`, quantity: 1, amount: 1 })) }),
    400,
    "parameter_invalid",
    "items",
  );
  await expectError(await bad({ ...goodOrder, items: [] }), 400, "parameter_invalid", "items");
  await expectError(await bad({ ...goodOrder, items: [{ name: "x".repeat(251), quantity: 1, amount: 2500 }] }), 400, "parameter_invalid", "items[0][name]");
  await expectError(await bad({ ...goodOrder, items: [{ name: "Mug", quantity: 0, amount: 2500 }] }), 400, "parameter_invalid_integer", "items[0][quantity]");
  await expectError(
    await bad({ ...goodOrder, metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }),
    400,
    "parameter_invalid",
    "metadata",
  );
  await expectError(await bad({ ...goodOrder, metadata: { note: "x".repeat(501) } }), 400, "parameter_invalid", "metadata[note]");
  await expectError(await bad({ ...goodOrder, payment_method: "pm_card_nonsense" }), 404, "resource_missing", "payment_method");
  await expectError(await bad({ ...goodOrder, status: "succeeded" } as never), 400, "parameter_unknown", "status");
  await expectError(
    await bad({ ...goodOrder, items: [{ name: "Mug", quantity: 1, amount: 2500, sku: "x" }] } as never),
    400,
    "parameter_unknown",
    "items[0][sku]",
  );
  // Deliberately invalid: no such status.
  await expectError(await listOrders({ status: "done" as never }, b.secretKey), 400, "parameter_invalid", "status");
  expect((await ok(await listOrders({}, b.secretKey))).data).toEqual([]);
});

test("member keys and restricted keys: reading needs payments read, creating payments write, hooks webhooks read/write (analyst and support: the dashboard spec)", async () => {
  const developer = await memberKey(b, "developer");
  const hook = await ok(await createHook(hookUrls("https://shop.example.com"), developer));
  expect(await ok(await deleteHook(hook.id, developer))).toMatchObject({ deleted: true });
  expect(await ok(await createOrder(goodOrder, developer))).toMatchObject({ object: "order", status: "initiated" });

  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: b.ctx, input: { kind: "restricted", name: "orders", permissions } })).secret;
  const reader = await grant({ payments: "read" });
  expect(await ok(await listOrders({}, reader))).toMatchObject({ object: "list" });
  await expectError(await createOrder(goodOrder, reader), 403, "permission_denied");
  await expectError(await listOrders({}, await grant({ webhooks: "write" })), 403, "permission_denied");
  await expectError(await listHooks(reader), 403, "permission_denied");
  expect(await ok(await listHooks(await grant({ webhooks: "read" })))).toMatchObject({ object: "list" });
  await expectError(await createHook(hookUrls("https://shop.example.com"), await grant({ payments: "write" })), 403, "permission_denied");
  await expectError(await listOrders({}, b.publishableKey), 401, "secret_key_required");
});
