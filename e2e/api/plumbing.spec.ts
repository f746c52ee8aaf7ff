import { expect, test, type APIRequestContext } from "@playwright/test";
import { addMember, db, seedMerchant } from "../support/db";

type Merchant = Awaited<ReturnType<typeof seedMerchant>>;
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

async function expectError(res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, code: string, type?: string) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: Record<string, string> };
  expect(body.error.code).toBe(code);
  if (type) expect(body.error.type).toBe(type);
  expect(body.error.request_id).toMatch(/^req_/);
  expect(res.headers()["request-id"]).toBe(body.error.request_id);
  return body.error;
}

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
  b = await seedMerchant("b");
});

test.describe("authentication", () => {
  test("a good test key reads its own account, with a request id and rate-limit headers", async ({ request }) => {
    const res = await request.get("/api/v1/account", { headers: auth(a.secretKey) });
    expect(res.status()).toBe(200);
    const account = await res.json();
    expect(account).toMatchObject({ id: a.merchantId, object: "account", livemode: false, business_name: "Shop a" });
    expect(res.headers()["request-id"]).toMatch(/^req_/);
    expect(Number(res.headers()["ratelimit-limit"])).toBe(100);
    expect(Number(res.headers()["ratelimit-remaining"])).toBeLessThan(100);
    expect(res.headers()["ratelimit-reset"]).toMatch(/^\d+$/);
  });

  test("a live key is live mode", async ({ request }) => {
    const res = await request.get("/api/v1/account", { headers: auth(a.liveKey) });
    expect((await res.json()).livemode).toBe(true);
  });

  test("missing key → 401 api_key_missing", async ({ request }) => {
    await expectError(await request.get("/api/v1/account"), 401, "api_key_missing", "authentication_error");
  });

  test("malformed key → 401 api_key_invalid", async ({ request }) => {
    await expectError(await request.get("/api/v1/account", { headers: auth("not-a-key") }), 401, "api_key_invalid");
    await expectError(await request.get("/api/v1/account", { headers: { Authorization: "Basic abc" } }), 401, "api_key_invalid");
    await expectError(await request.get("/api/v1/account", { headers: auth("sk_test_" + "x".repeat(32)) }), 401, "api_key_invalid");
  });

  test("wrong-mode key → 401: a test secret under a live prefix, and a publishable key", async ({ request }) => {
    const swapped = a.secretKey.replace("sk_test_", "sk_live_");
    await expectError(await request.get("/api/v1/account", { headers: auth(swapped) }), 401, "api_key_invalid");
    await expectError(await request.get("/api/v1/account", { headers: auth(a.publishableKey) }), 401, "secret_key_required");
  });

  test("revoked key → 401 api_key_expired", async ({ request }) => {
    const m = await seedMerchant("revoke");
    const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
    expect((await request.get("/api/v1/account", { headers: auth(m.secretKey) })).status()).toBe(200);
    await revokeApiKey({ ctx: m.ctx, id: m.secretKeyId });
    await expectError(await request.get("/api/v1/account", { headers: auth(m.secretKey) }), 401, "api_key_expired");
  });
});

test.describe("bad input", () => {
  const post = (request: APIRequestContext, key: string, data: string, headers: Record<string, string> = {}) =>
    request.post("/api/v1/account", { headers: { ...auth(key), "Content-Type": "application/json", ...headers }, data: Buffer.from(data) });

  test("unknown field → 400 parameter_unknown, nothing stored", async ({ request }) => {
    const err = await expectError(await post(request, a.secretKey, JSON.stringify({ business_name: "X", nickname: "y" })), 400, "parameter_unknown", "invalid_request_error");
    expect(err.param).toBe("nickname");
    const account = await (await request.get("/api/v1/account", { headers: auth(a.secretKey) })).json();
    expect(account.business_name).toBe("Shop a");
  });

  test("malformed JSON → 400 body_not_json", async ({ request }) => {
    await expectError(await post(request, a.secretKey, '{"business_name": '), 400, "body_not_json");
  });

  test("invalid value → 400 parameter_invalid with param", async ({ request }) => {
    const err = await expectError(await post(request, a.secretKey, JSON.stringify({ default_currency: "zzz" })), 400, "parameter_invalid");
    expect(err.param).toBe("default_currency");
  });

  test("body over 1 MB → 413 body_too_large", async ({ request }) => {
    const big = JSON.stringify({ business_name: "x".repeat(1024 * 1024 + 10) });
    await expectError(await post(request, a.secretKey, big), 413, "body_too_large");
  });

  test("limit=1000 → 400 parameter_invalid_integer", async ({ request }) => {
    const err = await expectError(await request.get("/api/v1/events?limit=1000", { headers: auth(a.secretKey) }), 400, "parameter_invalid_integer");
    expect(err.param).toBe("limit");
  });

  test("unknown query parameter → 400 parameter_unknown", async ({ request }) => {
    await expectError(await request.get("/api/v1/events?colour=red", { headers: auth(a.secretKey) }), 400, "parameter_unknown");
  });

  test("unknown route → 404 route_not_found as JSON", async ({ request }) => {
    await expectError(await request.get("/api/v1/nothing-here", { headers: auth(a.secretKey) }), 404, "route_not_found");
  });
});

test.describe("account and events", () => {
  test("an update writes an account.updated event with previous_attributes", async ({ request }) => {
    const m = await seedMerchant("events");
    const res = await request.post("/api/v1/account", {
      headers: { ...auth(m.secretKey), "Idempotency-Key": "upd-1" },
      data: { support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" });
    const list = await (await request.get("/api/v1/events?type=account.updated", { headers: auth(m.secretKey) })).json();
    expect(list).toMatchObject({ object: "list", has_more: false, url: "/api/v1/events" });
    expect(list.data).toHaveLength(1);
    const event = list.data[0];
    expect(event).toMatchObject({
      object: "event",
      type: "account.updated",
      livemode: false,
      request: { idempotency_key: "upd-1" },
      data: { object: { id: m.merchantId, support_email: "help@shop.test" }, previous_attributes: { support_email: null, statement_descriptor: null } },
    });
    const one = await request.get(`/api/v1/events/${event.id}`, { headers: auth(m.secretKey) });
    expect((await one.json()).id).toBe(event.id);
  });

  test("cursor pagination walks every event once", async ({ request }) => {
    const m = await seedMerchant("pages");
    for (let i = 0; i < 5; i++) {
      await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: `Name ${i}` } });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const res = await request.get(`/api/v1/events?limit=2${cursor ? `&starting_after=${cursor}` : ""}`, { headers: auth(m.secretKey) });
      const page = await res.json();
      seen.push(...page.data.map((e: { id: string }) => e.id));
      if (!page.has_more) break;
      cursor = page.data[page.data.length - 1].id;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort().reverse()).toEqual(seen);
    const back = await (await request.get(`/api/v1/events?limit=2&ending_before=${seen[4]}`, { headers: auth(m.secretKey) })).json();
    expect(back.data.map((e: { id: string }) => e.id)).toEqual([seen[2], seen[3]]);
  });

  test("merchant A cannot read merchant B's event → 404 resource_missing", async ({ request }) => {
    await request.post("/api/v1/account", { headers: auth(b.secretKey), data: { business_name: "B renamed" } });
    const list = await (await request.get("/api/v1/events", { headers: auth(b.secretKey) })).json();
    const bEvent = list.data[0].id;
    await expectError(await request.get(`/api/v1/events/${bEvent}`, { headers: auth(a.secretKey) }), 404, "resource_missing");
    const aList = await (await request.get("/api/v1/events?limit=100", { headers: auth(a.secretKey) })).json();
    expect(aList.data.map((e: { id: string }) => e.id)).not.toContain(bEvent);
  });

  test("live keys do not see test events", async ({ request }) => {
    const m = await seedMerchant("modes");
    await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: "Test rename" } });
    const live = await (await request.get("/api/v1/events", { headers: auth(m.liveKey) })).json();
    expect(live.data).toEqual([]);
  });
});

test.describe("idempotency", () => {
  test("same key and body replays the first response; another body → 422", async ({ request }) => {
    const m = await seedMerchant("idem");
    const headers = { ...auth(m.secretKey), "Idempotency-Key": "same-key" };
    const first = await request.post("/api/v1/account", { headers, data: { business_name: "First" } });
    expect(first.status()).toBe(200);
    await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: "Changed since" } });
    const replay = await request.post("/api/v1/account", { headers, data: { business_name: "First" } });
    expect(replay.status()).toBe(200);
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    await expectError(await request.post("/api/v1/account", { headers, data: { business_name: "Other" } }), 422, "idempotency_key_reused", "idempotency_error");
  });

  test("two concurrent requests with one key: one effect, the other 409 or a replay", async ({ request }) => {
    const m = await seedMerchant("race");
    const headers = { ...auth(m.secretKey), "Idempotency-Key": "race-key" };
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => request.post("/api/v1/account", { headers, data: { business_name: "Raced" } })),
    );
    const statuses = responses.map((r) => r.status());
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    for (const r of responses.filter((x) => x.status() === 409)) {
      expect((await r.json()).error.code).toBe("idempotency_key_in_use");
    }
    const events = await (await request.get("/api/v1/events?type=account.updated", { headers: auth(m.secretKey) })).json();
    expect(events.data).toHaveLength(1);
  });

  test("an Idempotency-Key over 255 characters → 400", async ({ request }) => {
    await expectError(
      await request.post("/api/v1/account", { headers: { ...auth(a.secretKey), "Idempotency-Key": "k".repeat(256) }, data: {} }),
      400,
      "idempotency_key_invalid",
    );
  });
});

test.describe("rate limits and roles", () => {
  test("past the per-key limit → 429 rate_limited with Retry-After", async ({ request }) => {
    const m = await seedMerchant("rl");
    let limited: Awaited<ReturnType<APIRequestContext["get"]>> | undefined;
    for (let i = 0; i < 150 && !limited; i++) {
      const res = await request.get("/api/v1/account", { headers: auth(m.secretKey) });
      if (res.status() === 429) limited = res;
      else expect(res.status()).toBe(200);
    }
    expect(limited, "the limit of 100 per 10 s was never hit").toBeDefined();
    await expectError(limited!, 429, "rate_limited", "rate_limit_error");
    expect(Number(limited!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(limited!.headers()["ratelimit-remaining"]).toBe("0");
    // Another key is not affected.
    expect((await request.get("/api/v1/account", { headers: auth(a.secretKey) })).status()).toBe(200);
  });

  test("health and metrics", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect((await health.json()).checks.database.status).toBe("ok");
    // Closed without the token (production fails closed, lib/http/with-cron.ts).
    await expectError(await request.get("/api/metrics"), 401, "unauthorized");
    await expectError(await request.get("/api/metrics", { headers: { Authorization: "Bearer wrong" } }), 401, "unauthorized");
    await expectError(await request.post("/api/cron/reap-idempotency-keys"), 401, "unauthorized");
    const metrics = await (await request.get("/api/metrics", { headers: { Authorization: "Bearer e2e-metrics-token" } })).text();
    expect(metrics).toMatch(/kassa_http_requests_total\{route="\/api\/v1\/account",method="GET",status="200"\} \d+/);
    expect(metrics).toMatch(/kassa_http_request_duration_seconds_bucket/);
  });

  test("the Inngest serve handler at /api/inngest registered Kassa's functions with the executor, and answers no unsigned caller", async ({ request }) => {
    const { functions } = await import("@/inngest/index");
    expect(functions.length).toBeGreaterThanOrEqual(6);
    const { inngestFunctions } = await import("@/db/schema");
    const registered = await (await db()).db.select().from(inngestFunctions);
    // Each function and its -failure handler, all at this server's /api/inngest.
    expect(registered.length).toBeGreaterThanOrEqual(functions.length);
    expect(registered.every((f) => f.url.startsWith(`http://127.0.0.1:${process.env.E2E_PORT ?? 3100}/api/inngest`))).toBe(true);
    const res = await request.get("/api/inngest");
    expect(res.status()).toBe(401);
  });

  test("an analyst cannot create keys (service layer 403)", async () => {
    const m = await seedMerchant("roles");
    await addMember(m.ctx, "analyst");
    const { createApiKey } = await import("@/lib/api-keys/create-api-key");
    await expect(
      createApiKey({ ctx: { ...m.ctx, role: "analyst" }, input: { kind: "secret", name: "nope" } }),
    ).rejects.toMatchObject({ code: "permission_denied" });
  });
});
