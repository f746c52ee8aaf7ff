// Orders and fulfilment hooks over real HTTP: a hook registered under the webhook URL policy, an order whose saga
// runs on the app's own workflow engine and calls a merchant server here (which checks every signature), the
// order read back with its steps; bad input with its exact status and code; another merchant's and the other
// mode's ids 404; member keys by role and restricted keys by their grant.
import http from "node:http";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/api";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { memberships, users } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { Role } from "@/db/schema";
import { addMember, db, seedMerchant } from "../support/db";
import { auth, expectError, type Merchant, ok } from "../support/api";

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

type Order = {
  id: string;
  object: string;
  status: string;
  amount: number;
  payment: string | null;
  steps?: { name: string; outcome: string; step_key: string }[];
};
type Hook = { id: string; object: string; reserve_url: string; secret?: string };

const post = (request: APIRequestContext, path: string, data: unknown, key = a.secretKey, headers: Record<string, string> = {}) =>
  request.post(path, { headers: auth(key, headers), data: data as Record<string, unknown> });
const get = (request: APIRequestContext, path: string, key = a.secretKey) => request.get(path, { headers: auth(key) });
const hookUrls = (root = base) => ({ reserve_url: `${root}/reserve`, confirm_url: `${root}/confirm`, release_url: `${root}/release` });
const goodOrder = {
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

test("a fulfilment hook, then an order whose saga authorises, reserves, captures and confirms with signed calls", async ({ request }) => {
  const hook = await ok<Hook>(await post(request, "/api/v1/fulfillment_hooks", { ...hookUrls(), description: "shop" }));
  expect(hook).toMatchObject({ object: "fulfillment_hook", reserve_url: `${base}/reserve` });
  expect(hook.secret).toMatch(/^whsec_/);
  secret = hook.secret!;
  const list = await ok<{ data: Hook[] }>(await get(request, "/api/v1/fulfillment_hooks"));
  expect(list.data.map((h) => h.id)).toEqual([hook.id]);
  expect(list.data[0]!.secret).toBeUndefined();
  // One live hook per mode.
  await expectError(await post(request, "/api/v1/fulfillment_hooks", hookUrls()), 400, "resource_already_exists");

  const created = await ok<Order>(await post(request, "/api/v1/orders", goodOrder, a.secretKey, { "Idempotency-Key": "order-1" }));
  expect(created).toMatchObject({ object: "order", status: "initiated", amount: 2500 });
  expect(created.id).toMatch(/^ord_/);
  const replay = await post(request, "/api/v1/orders", goodOrder, a.secretKey, { "Idempotency-Key": "order-1" });
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect((await ok<Order>(replay)).id).toBe(created.id);

  await expect.poll(async () => (await ok<Order>(await get(request, `/api/v1/orders/${created.id}`))).status, { timeout: 30_000 }).toBe("succeeded");
  const done = await ok<Order>(await get(request, `/api/v1/orders/${created.id}`));
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
  expect(await ok(await get(request, `/api/v1/payments/${done.payment}`))).toMatchObject({
    status: "succeeded",
    amount_received: 2500,
    capture_method: "manual",
  });
  const orders = await ok<{ data: Order[] }>(await get(request, "/api/v1/orders?status=succeeded"));
  expect(orders.data.map((o) => o.id)).toContain(created.id);
  expect(orders.data[0]!.steps).toBeUndefined();

  // Another merchant and the other mode see none of it.
  await expectError(await get(request, `/api/v1/orders/${created.id}`, b.secretKey), 404, "resource_missing", "id");
  await expectError(await get(request, `/api/v1/orders/${created.id}`, a.liveKey), 404, "resource_missing", "id");
  expect((await ok<{ data: Order[] }>(await get(request, "/api/v1/orders", b.secretKey))).data).toEqual([]);
  expect((await ok<{ data: Hook[] }>(await get(request, "/api/v1/fulfillment_hooks", a.liveKey))).data).toEqual([]);
  await expectError(await request.delete(`/api/v1/fulfillment_hooks/${hook.id}`, { headers: auth(b.secretKey) }), 404, "resource_missing", "id");
  await expectError(await request.delete(`/api/v1/fulfillment_hooks/${hook.id}`, { headers: auth(a.liveKey) }), 404, "resource_missing", "id");
  expect(await ok(await request.delete(`/api/v1/fulfillment_hooks/${hook.id}`, { headers: auth(a.secretKey) }))).toEqual({
    id: hook.id,
    object: "fulfillment_hook",
    deleted: true,
  });
  expect((await ok<{ data: Hook[] }>(await get(request, "/api/v1/fulfillment_hooks"))).data).toEqual([]);
});

test("hook URLs follow the webhook endpoints' policy: https in live mode, no private or reserved addresses", async ({ request }) => {
  await expectError(await post(request, "/api/v1/fulfillment_hooks", hookUrls("http://shop.example.com"), a.liveKey), 400, "url_invalid", "reserve_url");
  await expectError(
    await post(request, "/api/v1/fulfillment_hooks", { ...hookUrls("https://shop.example.com"), confirm_url: "https://10.1.2.3/confirm" }, b.secretKey),
    400,
    "url_invalid",
    "confirm_url",
  );
  await expectError(
    await post(request, "/api/v1/fulfillment_hooks", { ...hookUrls("https://shop.example.com"), release_url: "https://169.254.169.254/latest" }, b.secretKey),
    400,
    "url_invalid",
    "release_url",
  );
  await expectError(await post(request, "/api/v1/fulfillment_hooks", hookUrls("https://internal.localhost"), b.secretKey), 400, "url_invalid", "reserve_url");
  await expectError(await post(request, "/api/v1/fulfillment_hooks", hookUrls("ftp://shop.example.com"), b.secretKey), 400, "url_invalid", "reserve_url");
  const { release_url: _omit, ...missing } = hookUrls("https://shop.example.com");
  await expectError(await post(request, "/api/v1/fulfillment_hooks", missing, b.secretKey), 400, "parameter_missing", "release_url");
  // Mass assignment: the secret, mode or merchant are not the caller's to set.
  for (const extra of [{ secret: "whsec_AAAA" }, { livemode: true }, { merchant_id: a.merchantId }]) {
    await expectError(
      await post(request, "/api/v1/fulfillment_hooks", { ...hookUrls("https://shop.example.com"), ...extra }, b.secretKey),
      400,
      "parameter_unknown",
    );
  }
  expect((await ok<{ data: Hook[] }>(await get(request, "/api/v1/fulfillment_hooks", b.secretKey))).data).toEqual([]);
});

test("bad orders with their exact status and code, nothing stored", async ({ request }) => {
  const bad = (data: unknown) => post(request, "/api/v1/orders", data, b.secretKey);
  await expectError(await bad({ ...goodOrder, amount: 2600 }), 400, "parameter_invalid", "items");
  const { payment_method: _pm, ...noMethod } = goodOrder;
  await expectError(await bad(noMethod), 400, "parameter_missing", "payment_method");
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
  await expectError(await bad({ ...goodOrder, status: "succeeded" }), 400, "parameter_unknown", "status");
  await expectError(await bad({ ...goodOrder, items: [{ name: "Mug", quantity: 1, amount: 2500, sku: "x" }] }), 400, "parameter_unknown", "items[0][sku]");
  await expectError(await get(request, "/api/v1/orders?status=done", b.secretKey), 400, "parameter_invalid", "status");
  expect((await ok<{ data: Order[] }>(await get(request, "/api/v1/orders", b.secretKey))).data).toEqual([]);
});

test("member keys and restricted keys: reading needs payments read, creating payments write, hooks webhooks read/write (analyst and support: the dashboard spec)", async ({
  request,
}) => {
  const developer = await memberKey(b, "developer");
  const hook = await ok<Hook>(await post(request, "/api/v1/fulfillment_hooks", hookUrls("https://shop.example.com"), developer));
  expect(await ok(await request.delete(`/api/v1/fulfillment_hooks/${hook.id}`, { headers: auth(developer) }))).toMatchObject({ deleted: true });
  expect(await ok(await post(request, "/api/v1/orders", goodOrder, developer))).toMatchObject({ object: "order", status: "initiated" });

  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: b.ctx, input: { kind: "restricted", name: "orders", permissions } })).secret;
  const reader = await grant({ payments: "read" });
  expect(await ok(await get(request, "/api/v1/orders", reader))).toMatchObject({ object: "list" });
  await expectError(await post(request, "/api/v1/orders", goodOrder, reader), 403, "permission_denied");
  await expectError(await get(request, "/api/v1/orders", await grant({ webhooks: "write" })), 403, "permission_denied");
  await expectError(await get(request, "/api/v1/fulfillment_hooks", reader), 403, "permission_denied");
  expect(await ok(await get(request, "/api/v1/fulfillment_hooks", await grant({ webhooks: "read" })))).toMatchObject({ object: "list" });
  await expectError(
    await post(request, "/api/v1/fulfillment_hooks", hookUrls("https://shop.example.com"), await grant({ payments: "write" })),
    403,
    "permission_denied",
  );
  await expectError(await get(request, "/api/v1/orders", b.publishableKey), 401, "secret_key_required");
});
