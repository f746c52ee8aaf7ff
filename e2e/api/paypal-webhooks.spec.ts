// POST /api/webhooks/paypal against `next start`: the suite's server has no PayPal (404), and a second
// server of the same build, pointed at the PayPal double this spec starts, has every delivery verified by
// the double's verify-webhook-signature before anything is recorded. Only events for no Kassa payment are
// sent: the suite's executor (on the main server, which has no PayPal) must not be handed PayPal work.
// Processing (re-reading the order and applying it) is proved in lib/paypal-events/paypal-webhooks.test.ts.
import { expect, test } from "@playwright/test";
import { freePort } from "@/scripts/pg-server";
import { CLIENT_ID, CLIENT_SECRET, startPayPalDouble, type PayPalDouble } from "@/test/paypal-double/server";
import type { WebhookEvent } from "@/test/paypal-double/webhooks";
import { expectError } from "../support/api";
import { startServerProcess, type ServerProcess } from "../support/server-process";

test.describe.configure({ timeout: 120_000 });

let double: PayPalDouble | undefined;
let server: ServerProcess | undefined;
test.afterAll(async () => {
  await server?.stop();
  await double?.close();
});

test("without PAYPAL_WEBHOOK_ID: 404 paypal_webhooks_not_configured, nothing read", async ({ request }) => {
  // Raw: /api/webhooks/paypal is not an /api/v1 route, so not in the typed client.
  const res = await request.post("/api/webhooks/paypal", { data: { id: "WH-1", event_type: "PAYMENT.CAPTURE.COMPLETED", resource: {} } });
  await expectError(res, 404, "paypal_webhooks_not_configured", { type: "invalid_request_error" });
});

test("with PayPal: forged, stale and header-less deliveries are 400; a genuine one is recorded once", async () => {
  double = await startPayPalDouble();
  server = await startServerProcess(await freePort(), {
    env: {
      PAYPAL_CLIENT_ID: CLIENT_ID,
      PAYPAL_CLIENT_SECRET: CLIENT_SECRET,
      PAYPAL_API_BASE: double.url,
      PAYPAL_WEBHOOK_ID: double.webhooks.webhookId,
      PAYPAL_MAX_RETRIES: "0",
    },
  });
  const url = `${server.url}/api/webhooks/paypal`;
  // A capture of an order made outside Kassa (no custom_id, no attempt knows it): acknowledged, handed nowhere.
  const event: WebhookEvent = {
    id: `WH-E2E${Date.now().toString(36).toUpperCase()}-1`,
    event_version: "1.0",
    create_time: new Date().toISOString(),
    resource_type: "capture",
    resource_version: "2.0",
    event_type: "PAYMENT.CAPTURE.COMPLETED",
    summary: "Payment completed for USD 10.00",
    resource: { id: "3C679366HH908993F", status: "COMPLETED", amount: { currency_code: "USD", value: "10.00" } },
    links: [],
  };
  const refused = [
    await double.webhooks.deliver(url, event, { foreignKey: true }),
    await double.webhooks.deliver(url, event, { time: new Date(Date.now() - 10 * 60_000) }),
    await double.webhooks.deliver(url, event, { omit: ["paypal-transmission-sig"] }),
  ];
  for (const res of refused) {
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { type: "invalid_request_error", code: "paypal_signature_invalid" } });
  }
  expect(await double.webhooks.deliver(url, event)).toEqual({ status: 200, body: { received: true, duplicate: false, ignored: true } });
  expect(await double.webhooks.deliver(url, event)).toEqual({ status: 200, body: { received: true, duplicate: true, ignored: true } });
  // PayPal was asked for the forged one and the two genuine ones; the stale and header-less ones never left Kassa.
  expect(double.requestsTo(/^\/v1\/notifications\/verify-webhook-signature$/, "POST")).toHaveLength(3);
});
