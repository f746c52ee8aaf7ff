import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { fraudAssessments, payments, reviews, type PaymentRow } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { loadReview } from "./load-review";
import { serializeReview, type ReviewObject } from "./serialize-review";

/** Open reviews shown at once in the dashboard's queue (riskiest first). */
export const QUEUE_SIZE = 100;
/** Related payments shown per link (same card, same email). */
export const RELATED_SHOWN = 10;

export interface QueueRow {
  review: ReviewObject;
  amount: number;
  currency: string;
  customer: string | null;
  email: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  cardCountry: string | null;
  ipCountry: string | null;
}

export interface RelatedPayment {
  id: string;
  amount: number;
  currency: string;
  status: string;
  created: number;
  outcome: string | null;
}

export interface ReviewDetail {
  review: ReviewObject;
  features: Record<string, number>;
  rulesMatched: { id: string; action: string; source: string }[];
  rule: string | null;
  reason: string | null;
  modelVersion: string | null;
  byCard: RelatedPayment[];
  byEmail: RelatedPayment[];
}

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;
const mine = (ctx: Tenant) => and(eq(payments.merchantId, ctx.merchantId), eq(payments.livemode, ctx.livemode));

/** Each payment's latest assessment (the one that decided its review). */
async function latestAssessments(db: Awaited<ReturnType<typeof executor>>, paymentIds: string[]) {
  if (!paymentIds.length) return new Map<string, typeof fraudAssessments.$inferSelect>();
  const rows = await db.select().from(fraudAssessments).where(inArray(fraudAssessments.paymentId, paymentIds)).orderBy(desc(fraudAssessments.createdAt));
  const latest = new Map<string, typeof fraudAssessments.$inferSelect>();
  for (const r of rows) if (!latest.has(r.paymentId)) latest.set(r.paymentId, r);
  return latest;
}

/** The dashboard's queue: open reviews riskiest first with what a reviewer scans (amount, customer, card, countries). */
export async function reviewQueue({ ctx }: { ctx: ServiceContext }): Promise<QueueRow[]> {
  requirePermission(ctx, "radar:read");
  const db = await executor(ctx);
  const rows = await db
    .select({ review: reviews, payment: payments })
    .from(reviews)
    .innerJoin(payments, eq(payments.id, reviews.paymentId))
    .where(and(eq(reviews.merchantId, ctx.merchantId), eq(reviews.livemode, ctx.livemode), eq(reviews.open, 1)))
    .orderBy(desc(reviews.riskScore), desc(reviews.id))
    .limit(QUEUE_SIZE);
  const assessed = await latestAssessments(
    db,
    rows.map((r) => r.payment.id),
  );
  return rows.map(({ review, payment }) => {
    const signals = assessed.get(payment.id)?.signals ?? {};
    return {
      review: serializeReview(review),
      amount: Number(payment.amount),
      currency: payment.currency,
      customer: payment.customer,
      email: payment.receiptEmail,
      cardBrand: payment.card?.brand ?? null,
      cardLast4: payment.card?.last4 ?? null,
      cardCountry: payment.card?.country ?? signals.card_country ?? null,
      ipCountry: signals.ip_country ?? null,
    };
  });
}

const related = (p: PaymentRow): RelatedPayment => ({
  id: p.id,
  amount: Number(p.amount),
  currency: p.currency,
  status: p.status,
  created: Math.floor(p.createdAt.getTime() / 1000),
  outcome: p.outcome?.type ?? null,
});

/**
 * One review's panel: its assessment's features and the rules that matched, and the newest payments by the same
 * card fingerprint and the same receipt email (RELATED_SHOWN each; Kassa keeps no IP on payments, so none by IP).
 */
export async function reviewDetail({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ReviewDetail> {
  requirePermission(ctx, "radar:read");
  const db = await executor(ctx);
  const review = await loadReview(db, ctx, id);
  const [payment] = await db.select().from(payments).where(eq(payments.id, review.paymentId));
  const assessment = (await latestAssessments(db, [review.paymentId])).get(review.paymentId);
  const fingerprint = payment?.card?.fingerprint ?? null;
  const email = payment?.receiptEmail ?? null;
  const others = (cond: ReturnType<typeof eq>) =>
    db
      .select()
      .from(payments)
      .where(and(mine(ctx), ne(payments.id, review.paymentId), cond))
      .orderBy(desc(payments.createdAt))
      .limit(RELATED_SHOWN);
  const [byCard, byEmail] = await Promise.all([
    fingerprint ? others(sql`${payments.card}->>'fingerprint' = ${fingerprint}`) : Promise.resolve([]),
    email ? others(eq(payments.receiptEmail, email)) : Promise.resolve([]),
  ]);
  return {
    review: serializeReview(review),
    features: assessment?.features ?? {},
    rulesMatched: assessment?.rulesMatched ?? [],
    rule: assessment?.rule ?? null,
    reason: assessment?.reason ?? null,
    modelVersion: assessment?.modelVersion ?? null,
    byCard: byCard.map(related),
    byEmail: byEmail.map(related),
  };
}
