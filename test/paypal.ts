import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { payments } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { freshPostgres } from "@/test/db";
import { CLIENT_ID, CLIENT_SECRET, startPayPalDouble, type PayPalDouble } from "@/test/paypal-double/server";

/**
 * A test file on PayPal: a fresh PostgreSQL database, the PayPal double, and the environment that points
 * the connector and the webhook verification at it (PAYPAL_API_BASE, the double's client and webhook id;
 * the SDK's own retries off so each test sees exactly the requests Kassa makes; no circuit breaker in the way).
 */
export function paypalTestBed(label = "paypal") {
  const env = { h: undefined as unknown as DatabaseHandle & { url: string }, double: undefined as unknown as PayPalDouble };
  beforeAll(async () => {
    env.h = await freshPostgres(label);
    env.double = await startPayPalDouble();
    Object.assign(process.env, {
      DATABASE_URL: env.h.url,
      PAYPAL_CLIENT_ID: CLIENT_ID,
      PAYPAL_CLIENT_SECRET: CLIENT_SECRET,
      PAYPAL_API_BASE: env.double.url,
      PAYPAL_WEBHOOK_ID: env.double.webhooks.webhookId,
      PAYPAL_MAX_RETRIES: "0",
      PAYPAL_TIMEOUT_MS: "2000",
      // The tests lose PayPal's answers on purpose; the circuit breaker is not what they test (lib/connector-health).
      KASSA_BREAKER_THRESHOLD: "1000",
    });
  });
  beforeEach(() => env.double.reset());
  afterAll(async () => {
    await env.double.close();
    await env.h.close();
  });
  return env;
}

export interface PayPalPaymentOptions {
  amount?: number;
  captureMethod?: "automatic" | "manual";
  paymentMethod?: string;
  /** The answer to PayPal's create is lost: the payment stays `processing` with an unknown attempt (PayPal made the order). */
  lost?: boolean;
}

/**
 * A card payment made on PayPal through Kassa's own money path (create, then confirm with the PayPal
 * connector), and the id of the order PayPal made for it. The connector is chosen by setting the
 * payment's `connector` before confirming, as a routing rule would.
 */
export async function paypalPayment(env: ReturnType<typeof paypalTestBed>, ctx: ServiceContext, opts: PayPalPaymentOptions = {}) {
  const { createPayment } = await import("@/lib/payments/create-payment");
  const { confirmPayment } = await import("@/lib/payments/confirm-payment");
  const paymentMethod = opts.paymentMethod ?? "pm_card_visa";
  const created = await createPayment({
    ctx,
    input: { amount: opts.amount ?? 5000, currency: "usd", payment_method: paymentMethod, capture_method: opts.captureMethod ?? "automatic" },
  });
  await env.h.db.update(payments).set({ connector: "paypal" }).where(eq(payments.id, created.id));
  if (opts.lost) env.double.fail({ method: "POST", path: /^\/v2\/checkout\/orders$/, kind: "lost" });
  const confirmed = await confirmPayment({ ctx, id: created.id, input: { payment_method: paymentMethod } }).catch((error: unknown) => error);
  const order = [...env.double.state.orders.values()].find((o) => o.custom_id?.endsWith(`|${created.id}`));
  if (!order) throw new Error(`no PayPal order for ${created.id}: ${String(confirmed)}`);
  return { paymentId: created.id, orderId: order.id, confirmed };
}
