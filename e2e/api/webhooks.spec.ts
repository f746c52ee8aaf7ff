import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { seedMerchant } from "../support/db";
import { type BodyOf, expect, expectError, kassa, type Merchant, ok, test } from "../support/api";

/** A merchant's webhook receiver on this machine (the server under test runs with KASSA_WEBHOOKS_ALLOW_LOOPBACK=1). */
async function receiver() {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, close: () => new Promise((r) => server.close(r)) };
}

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("wh-a");
  b = await seedMerchant("wh-b");
});

const createEndpoint = (body: BodyOf<"/api/v1/webhook_endpoints", "post">, key = a.secretKey) => kassa(key).POST("/api/v1/webhook_endpoints", { body });
const getEndpoint = (id: string, key = a.secretKey) => kassa(key).GET("/api/v1/webhook_endpoints/{id}", { params: { path: { id } } });
const listEndpoints = (key = a.secretKey) => kassa(key).GET("/api/v1/webhook_endpoints");
const updateEndpoint = (id: string, body: BodyOf<"/api/v1/webhook_endpoints/{id}", "patch">, key = a.secretKey) =>
  kassa(key).PATCH("/api/v1/webhook_endpoints/{id}", { params: { path: { id } }, body });

test("register an endpoint, receive a payment's events signed per Standard Webhooks, read the log", async () => {
  const r = await receiver();
  try {
    const endpoint = await ok(await createEndpoint({ url: r.url, enabled_events: ["payment.succeeded", "refund.*"], description: "orders" }));
    expect(endpoint).toMatchObject({
      object: "webhook_endpoint",
      url: r.url,
      enabled_events: ["payment.succeeded", "refund.*"],
      status: "enabled",
      livemode: false,
    });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const secret = endpoint.secret!;
    const read = await ok(await getEndpoint(endpoint.id));
    expect(read.secret).toBeUndefined();

    const pay = await ok(
      await kassa(a.secretKey).POST("/api/v1/payments", { body: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true } }),
    );
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(1);
    const [hit] = r.got;
    const verified = new Webhook(secret).verify(hit!.body, hit!.headers as Record<string, string>) as {
      type: string;
      data: { object: { id: string } };
    };
    expect(verified).toMatchObject({ type: "payment.succeeded", data: { object: { id: pay.id } } });
    // The body is exactly the event the API returns.
    const eventId = (JSON.parse(hit!.body) as { id: string }).id;
    const event = await ok(await kassa(a.secretKey).GET("/api/v1/events/{id}", { params: { path: { id: eventId } } }));
    expect(JSON.parse(hit!.body)).toEqual(event);
    expect(() => new Webhook(secret).verify(hit!.body.replace("2000", "2001"), hit!.headers as Record<string, string>)).toThrow();

    const log = await ok(await kassa(a.secretKey).GET("/api/v1/webhook_endpoints/{id}/deliveries", { params: { path: { id: endpoint.id } } }));
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      object: "webhook_delivery",
      id: hit!.headers["webhook-id"],
      event_type: "payment.succeeded",
      status: "succeeded",
      attempt_count: 1,
      attempts: [{ number: 1, status_code: 200, response_body: "ok" }],
    });

    // A test event goes to this endpoint; a resend delivers the same webhook-id again.
    await ok(await kassa(a.secretKey).POST("/api/v1/webhook_endpoints/{id}/test", { params: { path: { id: endpoint.id } } }));
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(2);
    expect(JSON.parse(r.got[1]!.body).type).toBe("webhook_endpoint.test");
    await ok(await kassa(a.secretKey).POST("/api/v1/webhook_deliveries/{id}/resend", { params: { path: { id: log.data[0]!.id } } }));
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(3);
    expect(r.got[2]!.headers["webhook-id"]).toBe(hit!.headers["webhook-id"]);
  } finally {
    await r.close();
  }
});

test("bad input: each has its status and code, and nothing is stored", async () => {
  const m = await seedMerchant("wh-bad");
  const post = (body: BodyOf<"/api/v1/webhook_endpoints", "post">, key = m.secretKey) => createEndpoint(body, key);
  await expectError(await post({ enabled_events: ["*"] } as never), 400, "parameter_missing", "url");
  await expectError(await post({ url: "https://example.com/h" } as never), 400, "parameter_missing", "enabled_events");
  await expectError(await post({ url: "https://example.com/h", enabled_events: [] }), 400, "parameter_invalid", "enabled_events");
  await expectError(await post({ url: "https://example.com/h", enabled_events: ["payment.exploded"] }), 400, "parameter_invalid", "enabled_events[0]");
  await expectError(await post({ url: "https://example.com/h", enabled_events: ["*"], colour: "red" } as never), 400, "parameter_unknown", "colour");
  await expectError(await post({ url: `https://example.com/${"x".repeat(2100)}`, enabled_events: ["*"] }), 400, "parameter_invalid", "url");
  for (const url of [
    "http://10.0.0.5/h",
    "http://192.168.1.1/h",
    "http://172.16.0.1/h",
    "http://169.254.169.254/latest",
    "http://100.64.0.1/h",
    "http://0.0.0.0/h",
    "http://[fd00::1]/h",
    "http://3232235777/h",
    "http://0xa9fea9fe/h",
    "ftp://example.com/h",
    "not a url",
  ]) {
    await expectError(await post({ url, enabled_events: ["*"] }), 400, "url_invalid", "url");
  }
  // Decimal and hex spellings of 192.168.1.1 and 169.254.169.254 above. Live mode takes https only.
  await expectError(await post({ url: "http://example.com/h", enabled_events: ["*"] }, m.liveKey), 400, "url_invalid", "url");
  const list = await ok(await listEndpoints(m.secretKey));
  expect(list.data).toEqual([]);
});

test("update, rotate, delete; merchant B and the other mode see nothing (404)", async () => {
  const created = await ok(await createEndpoint({ url: "https://example.com/a", enabled_events: ["*"] }));
  const id = created.id;
  const updated = await ok(await updateEndpoint(id, { enabled_events: ["payment.*"], disabled: true }));
  expect(updated).toMatchObject({ enabled_events: ["payment.*"], status: "disabled", disabled_reason: "manual" });
  await expectError(await updateEndpoint(id, { url: "http://10.1.2.3/hooks" }), 400, "url_invalid", "url");
  const rotated = await ok(await kassa(a.secretKey).POST("/api/v1/webhook_endpoints/{id}/rotate_secret", { params: { path: { id } } }));
  expect(rotated.secret).toMatch(/^whsec_/);
  expect(rotated.secret).not.toBe(created.secret);
  expect(rotated.previous_secret_expires_at).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);

  const params = { path: { id } };
  for (const call of [
    (key: string) => kassa(key).GET("/api/v1/webhook_endpoints/{id}", { params }),
    (key: string) => kassa(key).GET("/api/v1/webhook_endpoints/{id}/deliveries", { params }),
    (key: string) => kassa(key).DELETE("/api/v1/webhook_endpoints/{id}", { params }),
    (key: string) => kassa(key).POST("/api/v1/webhook_endpoints/{id}/rotate_secret", { params }),
    (key: string) => kassa(key).POST("/api/v1/webhook_endpoints/{id}/test", { params }),
  ]) {
    await expectError(await call(b.secretKey), 404, "resource_missing");
    await expectError(await call(a.liveKey), 404, "resource_missing");
  }
  await expectError(await kassa(b.secretKey).POST("/api/v1/webhook_deliveries/{id}/resend", { params: { path: { id: "wd_nope" } } }), 404, "resource_missing");
  const bList = await ok(await listEndpoints(b.secretKey));
  expect(bList.data.map((e) => e.id)).not.toContain(id);

  expect(await ok(await kassa(a.secretKey).DELETE("/api/v1/webhook_endpoints/{id}", { params }))).toEqual({
    id,
    object: "webhook_endpoint",
    deleted: true,
  });
  await expectError(await getEndpoint(id), 404, "resource_missing");
});
