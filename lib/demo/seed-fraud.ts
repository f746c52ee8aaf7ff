import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { paymentAttempts, payments } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

const HOUR = 3_600_000;

/**
 * The demo's fraud story, through the same verbs as live traffic and checked as of each payment's own
 * time (ServiceContext.asOf): two days ago, a card-testing burst — one card trying twelve gift-card
 * top-ups of about $1 a few seconds apart, the later ones held for review by the card-testing rule — and in
 * the last hours three payments the card network rates elevated (in review, authorised and not captured,
 * for the queue) and one it rates highest (blocked before the processor). Adds nothing if the merchant has
 * it already. Returns what the check decided.
 */
export async function seedDemoFraud(
  db: Executor,
  ctx: ServiceContext,
  opts: { now?: number } = {},
): Promise<{ reviewed: number; blocked: number; authorized: number }> {
  const now = opts.now ?? Date.now();
  const [seeded] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .where(and(eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode), sql`${payments.metadata} ? 'demo_fraud'`));
  if ((seeded?.n ?? 0) > 0) return { reviewed: 0, blocked: 0, authorized: 0 };
  const tally = { reviewed: 0, blocked: 0, authorized: 0 };
  const pay = async (at: number, input: Record<string, unknown>) => {
    try {
      const p = await createPayment({ ctx: { ...ctx, asOf: at }, input: { confirm: true, currency: "usd", ...input } });
      await db
        .update(payments)
        .set({ createdAt: new Date(at) })
        .where(eq(payments.id, p.id));
      await db
        .update(paymentAttempts)
        .set({ createdAt: new Date(at) })
        .where(eq(paymentAttempts.paymentId, p.id));
      if (p.outcome?.type === "manual_review") tally.reviewed++;
      else tally.authorized++;
    } catch (error) {
      if (!(error instanceof KassaError) || error.code !== "card_declined") throw error;
      const [last] = await db
        .select({ id: payments.id, outcome: payments.outcome })
        .from(payments)
        .where(and(eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode)))
        .orderBy(sql`${payments.id} desc`)
        .limit(1);
      if (last) {
        await db
          .update(payments)
          .set({ createdAt: new Date(at) })
          .where(eq(payments.id, last.id));
        await db
          .update(paymentAttempts)
          .set({ createdAt: new Date(at) })
          .where(eq(paymentAttempts.paymentId, last.id));
      }
      if (last?.outcome?.type === "blocked") tally.blocked++;
    }
  };
  const burstAt = now - 2 * 24 * HOUR;
  for (let i = 0; i < 12; i++) {
    await pay(burstAt + i * 7_000, {
      amount: 100 + ((i * 37) % 90),
      payment_method: "pm_card_mastercard",
      description: "Gift card top-up",
      metadata: { demo_fraud: "card_testing" },
    });
  }
  const elevated = [
    { amount: 18_900, email: "k.watts@example.com", description: "Order #94021 — noise-cancelling headphones" },
    { amount: 45_000, email: "orders@quickship-mail.example", description: "Order #94057 — 3 × gift cards" },
    { amount: 72_000, email: "m.ramos@example.com", description: "Order #94112 — laptop" },
  ];
  for (const [i, e] of elevated.entries()) {
    await pay(now - (3 - i) * 2 * HOUR, {
      amount: e.amount,
      payment_method: "pm_card_riskLevelElevated",
      receipt_email: e.email,
      description: e.description,
      metadata: { demo_fraud: "elevated_risk" },
    });
  }
  await pay(now - HOUR, {
    amount: 129_900,
    payment_method: "pm_card_riskLevelHighest",
    receipt_email: "fastbuyer.2291@example.net",
    description: "Order #94170 — 2 × phones",
    metadata: { demo_fraud: "highest_risk" },
  });
  return tally;
}
