import { eq } from "drizzle-orm";
import type { Executor } from "./client";
import { payments, refunds } from "./schema";
import type { ServiceContext } from "@/lib/context";
import { KassaError } from "@/lib/errors";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { createRefund } from "@/lib/refunds/create-refund";

const DAY = 86_400_000;

/** Demo payments wanted on first start: KASSA_SEED_PAYMENTS (0 turns it off), 3,000 by default. */
export function demoPaymentCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KASSA_SEED_PAYMENTS ?? 3000);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 100_000) : 3000;
}

const CURRENCIES = [
  { currency: "usd", weight: 50, min: 500, max: 25_000 },
  { currency: "eur", weight: 20, min: 500, max: 20_000 },
  { currency: "inr", weight: 20, min: 10_000, max: 500_000 },
  { currency: "jpy", weight: 10, min: 300, max: 30_000 },
] as const;
const METHODS = [
  { method: "pm_card_visa", weight: 42 },
  { method: "pm_card_mastercard", weight: 26 },
  { method: "pm_card_amex", weight: 10 },
  { method: "pm_card_visa_debit", weight: 8 },
  { method: "pm_card_chargeDeclined", weight: 6 },
  { method: "pm_card_chargeDeclinedInsufficientFunds", weight: 4 },
  { method: "pm_card_chargeDeclinedExpiredCard", weight: 2 },
  { method: null, weight: 2 }, // never confirmed: requires_payment_method
] as const;
const NAMES = ["ana", "ben", "chen", "divya", "emma", "farid", "gita", "hugo", "ines", "jun", "kofi", "lena", "mateo", "noor", "omar", "priya"];

function weighted<T extends { weight: number }>(items: readonly T[], r: number): T {
  const total = items.reduce((a, i) => a + i.weight, 0);
  let x = r * total;
  for (const item of items) if ((x -= item.weight) < 0) return item;
  return items.at(-1)!;
}

/**
 * Realistic demo payments over the last 90 days, made through the service verbs (so the sandbox, the
 * ledger, events and rollups all see them exactly as they would see real traffic): mixed currencies,
 * brands, declines, manual captures (some left authorised, some canceled) and full or partial refunds.
 * Each payment and refund is then dated back to its day; the rollup triggers move its totals with it.
 * Deterministic for a seed. Returns how many payments were made.
 */
export async function seedDemoPayments(db: Executor, ctx: ServiceContext, opts: { count: number; seed?: number; now?: number }): Promise<number> {
  const random = seededRandom(opts.seed ?? 2026);
  const now = opts.now ?? Date.now();
  // Oldest first, so list order by (created, id) and the ids agree; busier on weekdays and lately.
  const times = Array.from({ length: opts.count }, () => now - Math.floor(Math.pow(random(), 1.3) * 90 * DAY)).sort((a, b) => a - b);
  let made = 0;
  for (const at of times) {
    const c = weighted(CURRENCIES, random());
    const m = weighted(METHODS, random());
    const amount = Math.round((c.min + random() * (c.max - c.min)) / (c.currency === "jpy" ? 10 : 1)) * (c.currency === "jpy" ? 10 : 1);
    const manual = random() < 0.08;
    const name = NAMES[Math.floor(random() * NAMES.length)]!;
    const input = {
      amount,
      currency: c.currency,
      description: `Order #${10_000 + made}`,
      ...(random() < 0.7 ? { receipt_email: `${name}.${Math.floor(random() * 900) + 100}@example.com` } : {}),
      metadata: { order_id: String(10_000 + made), channel: random() < 0.6 ? "web" : "app" },
      ...(manual ? { capture_method: "manual" as const } : {}),
    };
    // Created, then confirmed: a decline throws but leaves the payment, with its error, behind.
    const { id } = await createPayment({ ctx, input });
    made++;
    if (m.method) {
      await confirmPayment({ ctx, id, input: { payment_method: m.method } }).catch((error: unknown) => {
        if (!(error instanceof KassaError && error.code !== "api_error")) throw error;
      });
    }
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, id));
    if (payment?.status === "requires_capture") {
      const r = random();
      if (r < 0.45) await capturePayment({ ctx, id, input: {} });
      else if (r < 0.6) await capturePayment({ ctx, id, input: { amount_to_capture: Math.floor(amount * 0.8) } }).catch(() => undefined); // partial capture
      else if (r < 0.8 || at < now - 6 * DAY) await cancelPayment({ ctx, id, input: { cancellation_reason: "requested_by_customer" } });
    }
    const [after] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, id));
    if (after?.status === "succeeded" && random() < 0.09) {
      const partial = random() < 0.5;
      await createRefund({ ctx, input: { payment: id, ...(partial ? { amount: Math.max(Math.floor(amount * 0.3), 1) } : {}), reason: "requested_by_customer" } }).catch(() => undefined);
    }
    await db.update(payments).set({ createdAt: new Date(at) }).where(eq(payments.id, id));
    await db.update(refunds).set({ createdAt: new Date(Math.min(now, at + Math.floor(random() * 3 * DAY))) }).where(eq(refunds.paymentId, id));
  }
  return made;
}
