// POST /api/v1/billing_portal/sessions over real HTTP: the session's shape and its one-hour link (only the
// token's SHA-256 stored), every bad input with its exact status and code and nothing stored, another
// merchant's, the other mode's and a deleted customer (404), each role's key and restricted keys (the new
// billing_portal grant), and an idempotent replay.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { billingPortalSessions, memberships, users, type Role } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { changeRole } from "@/lib/team/change-role";
import { auth, type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";
import { addMember, db, seedMerchant } from "../support/db";

test.describe.configure({ mode: "serial" });

const PATH = "/api/v1/billing_portal/sessions";
let m: Merchant;
let other: Merchant;
let customer: string;

const post = (key: string, body: BodyOf<typeof PATH, "post">, headers: Record<string, string> = {}) => kassa(key).POST(PATH, { body, headers });
const newCustomer = async (key: string) =>
  (await ok(await kassa(key).POST("/api/v1/customers", { body: { email: "portal@example.test", name: "Portal Payer" } }))).id;
const sessionRows = async (merchantId: string) => (await db()).db.select().from(billingPortalSessions).where(eq(billingPortalSessions.merchantId, merchantId));

test.beforeAll(async () => {
  m = await seedMerchant("portal-api");
  other = await seedMerchant("portal-api-other");
  customer = await newCustomer(m.secretKey);
});

test("creates a session: Stripe's shape, a one-hour link to this server's /billing/<token>, only the token's hash stored", async ({ request, baseURL }) => {
  const before = Math.floor(Date.now() / 1000);
  const s = await ok(await post(m.secretKey, { customer, return_url: "https://shop.example/account?tab=billing" }));
  expect(s).toEqual({
    id: expect.stringMatching(/^bps_[0-9a-z]{26}$/),
    object: "billing_portal.session",
    customer,
    url: expect.stringMatching(new RegExp(`^${baseURL}/billing/[A-Za-z0-9_-]{43}$`)),
    return_url: "https://shop.example/account?tab=billing",
    expires_at: s.created + 3600,
    livemode: false,
    created: expect.any(Number),
  });
  expect(s.created).toBeGreaterThanOrEqual(before - 1);
  const token = s.url.split("/").pop()!;
  const rows = await sessionRows(m.merchantId);
  expect(rows.map((r) => r.id)).toEqual([s.id]);
  expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
  expect(JSON.stringify(rows)).not.toContain(token);
  // The link opens the portal page (the page itself is proved in e2e/checkout/billing-portal.spec.ts).
  // Raw: a page, not an /api/v1 route.
  const page = await request.get(s.url);
  expect(page.status()).toBe(200);
  // Two sessions, two links; no return_url is null.
  const again = await ok(await post(m.secretKey, { customer }));
  expect(again.url).not.toBe(s.url);
  expect(again.return_url).toBeNull();
});

test("bad input: exact status and code, nothing stored", async ({ request }) => {
  const before = (await sessionRows(m.merchantId)).length;
  const cases: [unknown, number, string, string | undefined][] = [
    [{ customer, return_url: "javascript:alert(1)" }, 400, "parameter_invalid", "return_url"],
    [{ customer, return_url: "ftp://shop.example/" }, 400, "parameter_invalid", "return_url"],
    [{ customer, return_url: "data:text/html,hi" }, 400, "parameter_invalid", "return_url"],
    [{ customer, return_url: "/relative" }, 400, "parameter_invalid", "return_url"],
    [{ customer, return_url: `https://shop.example/${"a".repeat(2100)}` }, 400, "parameter_invalid", "return_url"],
    [{ customer, return_url: 42 }, 400, "parameter_invalid", "return_url"],
    [{}, 400, "parameter_missing", "customer"],
    [{ customer: "" }, 400, "parameter_invalid", "customer"],
    [{ customer, configuration: "bpc_1" }, 400, "parameter_unknown", "configuration"],
    [{ customer, livemode: true }, 400, "parameter_unknown", "livemode"],
    [{ customer: "cus_doesnotexist" }, 404, "resource_missing", "customer"],
  ];
  for (const [data, status, code, param] of cases) {
    await test.step(JSON.stringify(data).slice(0, 80), async () => {
      // Deliberately invalid bodies: each case breaks the document's schema or a rule of the API.
      await expectError(await post(m.secretKey, data as never), status, code, param ? { param } : {});
    });
  }
  // Raw: broken JSON is no body the typed client can send.
  const notJson = await request.post(PATH, { headers: { ...auth(m.secretKey), "content-type": "application/json" }, data: Buffer.from("{not json") });
  await expectError(notJson, 400, "body_not_json");
  await expectError(await kassa().POST(PATH, { body: { customer } }), 401, "api_key_missing");
  await expectError(await post("sk_test_nope", { customer }), 401, "api_key_invalid");
  expect((await sessionRows(m.merchantId)).length).toBe(before);
});

test("another merchant's customer, the other mode's and a deleted one are 404 resource_missing; nothing stored", async () => {
  const mine = (await sessionRows(m.merchantId)).length;
  const theirs = (await sessionRows(other.merchantId)).length;
  await expectError(await post(other.secretKey, { customer }), 404, "resource_missing", "customer");
  await expectError(await post(m.liveKey, { customer }), 404, "resource_missing", "customer");
  const gone = await newCustomer(m.secretKey);
  await ok(await kassa(m.secretKey).DELETE("/api/v1/customers/{id}", { params: { path: { id: gone } } }));
  await expectError(await post(m.secretKey, { customer: gone }), 404, "resource_missing", "customer");
  expect((await sessionRows(m.merchantId)).length).toBe(mine);
  expect((await sessionRows(other.merchantId)).length).toBe(theirs);
});

test("an Idempotency-Key replays the same session and link; other parameters under it are refused", async () => {
  const key = `portal-${Date.now()}`;
  const first = await post(m.secretKey, { customer }, { "Idempotency-Key": key });
  const body = await ok(first);
  const replay = await post(m.secretKey, { customer }, { "Idempotency-Key": key });
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(await ok(replay)).toEqual(body);
  await expectError(await post(m.secretKey, { customer, return_url: "https://shop.example" }, { "Idempotency-Key": key }), 422, "idempotency_key_reused");
  expect((await sessionRows(m.merchantId)).filter((r) => r.id === body.id)).toHaveLength(1);
});

async function keyOf(role: Role): Promise<string> {
  const writerRole = role === "analyst" || role === "support" ? "developer" : role;
  const login = await addMember(m.ctx, writerRole);
  const h = await db();
  const [user] = await h.db.select().from(users).where(eq(users.email, login.email));
  const [membership] = await h.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.merchantId, m.merchantId)));
  const ctx = { merchantId: m.merchantId, livemode: false, actor: { type: "user" as const, id: user!.id, label: login.email }, role: writerRole, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: `${role}'s key` } });
  if (writerRole !== role) await changeRole({ ctx: m.ctx, input: { membership: membership!.id, role } });
  return secret;
}

test("roles: a developer's key makes portal links; an analyst's and support's get 403 with nothing stored", async () => {
  expect(await ok(await post(await keyOf("developer"), { customer }))).toMatchObject({ customer });
  const before = (await sessionRows(m.merchantId)).length;
  for (const role of ["analyst", "support"] as Role[]) {
    await expectError(await post(await keyOf(role), { customer }), 403, "permission_denied");
  }
  expect((await sessionRows(m.merchantId)).length).toBe(before);
});

test("restricted keys: billing_portal write grants it; customers and subscriptions write do not", async () => {
  const grant = async (permissions: Record<string, string>) =>
    (await createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: `portal ${Object.keys(permissions).join("+")}`, permissions } })).secret;
  const portalOnly = await grant({ billing_portal: "write" });
  expect(await ok(await post(portalOnly, { customer }))).toMatchObject({ object: "billing_portal.session", customer });
  // It can make links and nothing else: not even read the customer.
  await expectError(await kassa(portalOnly).GET("/api/v1/customers/{id}", { params: { path: { id: customer } } }), 403, "permission_denied");
  const before = (await sessionRows(m.merchantId)).length;
  await expectError(await post(await grant({ customers: "write", subscriptions: "write" }), { customer }), 403, "permission_denied");
  expect((await sessionRows(m.merchantId)).length).toBe(before);
  // "read" is no level of billing_portal: a key cannot be made with it.
  await expect(createApiKey({ ctx: m.ctx, input: { kind: "restricted", name: "bad", permissions: { billing_portal: "read" } } })).rejects.toMatchObject({
    code: "parameter_invalid",
  });
});
