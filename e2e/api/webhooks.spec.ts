import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../support/api";
import { Webhook } from "standardwebhooks";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

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

test("register an endpoint, receive a payment's events signed per Standard Webhooks, read the log", async ({ request }) => {
  const r = await receiver();
  try {
    const created = await request.post("/api/v1/webhook_endpoints", {
      headers: auth(a.secretKey),
      data: { url: r.url, enabled_events: ["payment.succeeded", "refund.*"], description: "orders" },
    });
    expect(created.status()).toBe(200);
    const endpoint = await created.json();
    expect(endpoint).toMatchObject({
      object: "webhook_endpoint",
      url: r.url,
      enabled_events: ["payment.succeeded", "refund.*"],
      status: "enabled",
      livemode: false,
    });
    expect(endpoint.id).toMatch(/^we_/);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const read = await (await request.get(`/api/v1/webhook_endpoints/${endpoint.id}`, { headers: auth(a.secretKey) })).json();
    expect(read.secret).toBeUndefined();

    const pay = await (
      await request.post("/api/v1/payments", {
        headers: auth(a.secretKey),
        data: { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      })
    ).json();
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(1);
    const [hit] = r.got;
    const verified = new Webhook(endpoint.secret).verify(hit!.body, hit!.headers as Record<string, string>) as {
      type: string;
      data: { object: { id: string } };
    };
    expect(verified).toMatchObject({ type: "payment.succeeded", data: { object: { id: pay.id } } });
    // The body is exactly the event the API returns.
    const event = await (await request.get(`/api/v1/events/${JSON.parse(hit!.body).id}`, { headers: auth(a.secretKey) })).json();
    expect(JSON.parse(hit!.body)).toEqual(event);
    expect(() => new Webhook(endpoint.secret).verify(hit!.body.replace("2000", "2001"), hit!.headers as Record<string, string>)).toThrow();

    const log = await (await request.get(`/api/v1/webhook_endpoints/${endpoint.id}/deliveries`, { headers: auth(a.secretKey) })).json();
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
    expect((await request.post(`/api/v1/webhook_endpoints/${endpoint.id}/test`, { headers: auth(a.secretKey) })).status()).toBe(200);
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(2);
    expect(JSON.parse(r.got[1]!.body).type).toBe("webhook_endpoint.test");
    expect((await request.post(`/api/v1/webhook_deliveries/${log.data[0].id}/resend`, { headers: auth(a.secretKey) })).status()).toBe(200);
    await expect.poll(() => r.got.length, { timeout: 15_000 }).toBe(3);
    expect(r.got[2]!.headers["webhook-id"]).toBe(hit!.headers["webhook-id"]);
  } finally {
    await r.close();
  }
});

test("bad input: each has its status and code, and nothing is stored", async ({ request }) => {
  const m = await seedMerchant("wh-bad");
  const post = (data: unknown, key = m.secretKey) => request.post("/api/v1/webhook_endpoints", { headers: auth(key), data });
  await expectError(await post({ enabled_events: ["*"] }), 400, "parameter_missing", "url");
  await expectError(await post({ url: "https://example.com/h" }), 400, "parameter_missing", "enabled_events");
  await expectError(await post({ url: "https://example.com/h", enabled_events: [] }), 400, "parameter_invalid", "enabled_events");
  await expectError(await post({ url: "https://example.com/h", enabled_events: ["payment.exploded"] }), 400, "parameter_invalid", "enabled_events[0]");
  await expectError(await post({ url: "https://example.com/h", enabled_events: ["*"], colour: "red" }), 400, "parameter_unknown", "colour");
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
  const list = await (await request.get("/api/v1/webhook_endpoints", { headers: auth(m.secretKey) })).json();
  expect(list.data).toEqual([]);
});

test("update, rotate, delete; merchant B and the other mode see nothing (404)", async ({ request }) => {
  const created = await (
    await request.post("/api/v1/webhook_endpoints", { headers: auth(a.secretKey), data: { url: "https://example.com/a", enabled_events: ["*"] } })
  ).json();
  const id = created.id as string;
  const updated = await (
    await request.patch(`/api/v1/webhook_endpoints/${id}`, { headers: auth(a.secretKey), data: { enabled_events: ["payment.*"], disabled: true } })
  ).json();
  expect(updated).toMatchObject({ enabled_events: ["payment.*"], status: "disabled", disabled_reason: "manual" });
  await expectError(
    await request.patch(`/api/v1/webhook_endpoints/${id}`, { headers: auth(a.secretKey), data: { url: "http://10.1.2.3/hooks" } }),
    400,
    "url_invalid",
    "url",
  );
  const rotated = await (await request.post(`/api/v1/webhook_endpoints/${id}/rotate_secret`, { headers: auth(a.secretKey) })).json();
  expect(rotated.secret).toMatch(/^whsec_/);
  expect(rotated.secret).not.toBe(created.secret);
  expect(rotated.previous_secret_expires_at).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);

  for (const [method, path] of [
    ["get", `/api/v1/webhook_endpoints/${id}`],
    ["get", `/api/v1/webhook_endpoints/${id}/deliveries`],
    ["delete", `/api/v1/webhook_endpoints/${id}`],
    ["post", `/api/v1/webhook_endpoints/${id}/rotate_secret`],
    ["post", `/api/v1/webhook_endpoints/${id}/test`],
  ] as const) {
    await expectError(await request[method](path, { headers: auth(b.secretKey) }), 404, "resource_missing");
    await expectError(await request[method](path, { headers: auth(a.liveKey) }), 404, "resource_missing");
  }
  await expectError(await request.post("/api/v1/webhook_deliveries/wd_nope/resend", { headers: auth(b.secretKey) }), 404, "resource_missing");
  const bList = await (await request.get("/api/v1/webhook_endpoints", { headers: auth(b.secretKey) })).json();
  expect(bList.data.map((e: { id: string }) => e.id)).not.toContain(id);

  expect(await (await request.delete(`/api/v1/webhook_endpoints/${id}`, { headers: auth(a.secretKey) })).json()).toEqual({
    id,
    object: "webhook_endpoint",
    deleted: true,
  });
  await expectError(await request.get(`/api/v1/webhook_endpoints/${id}`, { headers: auth(a.secretKey) }), 404, "resource_missing");
});
