import { and, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { PAYMENT_STATUSES, payments, UPI_FLOWS, UPI_STATUSES } from "@/db/schema";
import { CURRENCY_EXPONENTS } from "@/lib/money";
import type { ServiceContext } from "@/lib/service/context";

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "is not a date");
const decimal = z.string().regex(/^\d{1,9}(\.\d{1,3})?$/, "must be an amount like 12.50");
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The dashboard's payment filters, as they appear in the page's URL (shareable) and the export's. */
export const PaymentFilters = z.strictObject({
  status: z.preprocess(blankToUndefined, z.enum(PAYMENT_STATUSES).optional()),
  /** UTC days, both included. */
  from: z.preprocess(blankToUndefined, isoDay.optional()),
  to: z.preprocess(blankToUndefined, isoDay.optional()),
  /** In the currency's major unit ("12.50"), compared per row with that row's currency exponent. */
  amount_min: z.preprocess(blankToUndefined, decimal.optional()),
  amount_max: z.preprocess(blankToUndefined, decimal.optional()),
  brand: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z_]{1,30}$/, "must be a card brand such as visa")
      .optional(),
  ),
  currency: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code")
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  /** How the customer paid: a card, or UPI (payment_method "upi"). */
  method: z.preprocess(blankToUndefined, z.enum(["card", "upi"]).optional()),
  /** UPI payments by how the customer approved (payments.upi->>'flow'). */
  upi_flow: z.preprocess(blankToUndefined, z.enum(UPI_FLOWS).optional()),
  /** UPI payments by the UPI transaction's own state (payments.upi->>'status'). */
  upi_status: z.preprocess(blankToUndefined, z.enum(UPI_STATUSES).optional()),
  /** A payment id, an email, a card's last 4 digits or an amount. */
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(254).optional()),
});
export type PaymentFilters = z.output<typeof PaymentFilters>;
export const FILTER_KEYS = Object.keys(PaymentFilters.shape) as (keyof PaymentFilters)[];

const byExponent = (e: number) =>
  Object.entries(CURRENCY_EXPONENTS)
    .filter(([, x]) => x === e)
    .map(([c]) => c);
const ZERO = byExponent(0);
const THREE = byExponent(3);

/** "12.5" → minor units at exponent e, rounded up (a lower bound) or down (an upper bound). */
function minor(value: string, e: number, round: "up" | "down" | "exact"): bigint | null {
  const [whole, frac = ""] = value.split(".");
  const thousandths = BigInt(whole!) * 1000n + BigInt(frac.padEnd(3, "0"));
  const div = 10n ** BigInt(3 - e);
  const q = thousandths / div;
  if (thousandths % div === 0n) return q;
  return round === "up" ? q + 1n : round === "down" ? q : null;
}

/** Compares `amount` with a major-unit value in each row's own currency exponent. */
function amountCompare(op: ">=" | "<=" | "=", value: string, currency?: string): SQL {
  const round = op === ">=" ? "up" : op === "<=" ? "down" : "exact";
  const at = (e: number) => minor(value, e, round);
  if (currency) {
    const v = at(CURRENCY_EXPONENTS[currency] ?? 2);
    return v === null ? sql`false` : sql`${payments.amount} ${sql.raw(op)} ${v}`;
  }
  const [a0, a2, a3] = [at(0), at(2), at(3)];
  const per = sql`case when ${payments.currency} in ${ZERO} then ${a0 ?? -1}::bigint when ${payments.currency} in ${THREE} then ${a3 ?? -1}::bigint else ${a2 ?? -1}::bigint end`;
  const cmp = sql`${payments.amount} ${sql.raw(op)} ${per}`;
  // An exact amount also narrows by the candidates, so the amount index can serve it.
  const candidates = [a0, a2, a3].filter((x): x is bigint => x !== null);
  return op === "=" ? (candidates.length ? and(inArray(payments.amount, candidates), cmp)! : sql`false`) : cmp;
}

function search(q: string, currency?: string): SQL {
  if (/^[a-z]{2,5}_[0-9a-z]{10,40}$/.test(q)) return q.startsWith("cus_") ? eq(payments.customer, q) : eq(payments.id, q);
  if (q.includes("@")) return or(eq(payments.receiptEmail, q), eq(payments.receiptEmail, q.toLowerCase()))!;
  // Four digits are a card's last 4 or an amount; with a leading zero nobody means an amount.
  if (/^0\d{3}$/.test(q)) return sql`${payments.card}->>'last4' = ${q}`;
  if (/^\d{4}$/.test(q)) return or(sql`${payments.card}->>'last4' = ${q}`, amountCompare("=", q, currency))!;
  if (/^\d{1,9}(\.\d{1,3})?$/.test(q)) return amountCompare("=", q, currency);
  return sql`false`;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** The WHERE clause of a filtered list, always scoped to the merchant and the mode. */
export function paymentFiltersWhere(ctx: ServiceContext, f: PaymentFilters): SQL {
  return and(
    eq(payments.merchantId, ctx.merchantId),
    eq(payments.livemode, ctx.livemode),
    f.status ? eq(payments.status, f.status) : undefined,
    f.from ? gte(payments.createdAt, dayStart(f.from)) : undefined,
    f.to ? lt(payments.createdAt, nextDay(f.to)) : undefined,
    f.currency ? eq(payments.currency, f.currency) : undefined,
    f.brand ? sql`${payments.card}->>'brand' = ${f.brand}` : undefined,
    // Method and UPI filters narrow the rows the (merchant, mode, created_at) or status index already
    // walks, newest first; no index of their own is needed at dashboard page sizes.
    f.method === "upi" ? and(eq(payments.paymentMethod, "upi"), isNotNull(payments.upi)) : f.method === "card" ? sql`${payments.card} is not null` : undefined,
    f.upi_flow ? sql`${payments.upi}->>'flow' = ${f.upi_flow}` : undefined,
    f.upi_status ? sql`${payments.upi}->>'status' = ${f.upi_status}` : undefined,
    f.amount_min ? amountCompare(">=", f.amount_min, f.currency) : undefined,
    f.amount_max ? amountCompare("<=", f.amount_max, f.currency) : undefined,
    f.q ? search(f.q, f.currency) : undefined,
  )!;
}
