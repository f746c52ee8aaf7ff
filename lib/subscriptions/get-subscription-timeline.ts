import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { auditLog, events, invoices, payments, type AuditRow, type EventRow } from "@/db/schema";
import { apiEventsOnly } from "@/lib/events/internal-events";
import { loadLines } from "@/lib/invoices/load";
import { serializeInvoice, type InvoiceObject } from "@/lib/invoices/serialize";
import { formatMoney } from "@/lib/money";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { itemsOf, loadSubscription } from "./load";
import { serializeSubscription } from "./serialize";

export interface SubscriptionTimelineItem {
  /** Unix ms. */
  at: number;
  kind: "renewal" | "try" | "status" | "invoice" | "change" | "scheduled";
  title: string;
  detail: string | null;
  /** The object or row it comes from (an event, an audit row, an invoice). */
  ref: string;
}

/** The invoices shown on a subscription's page (newest first); the API lists the rest. */
const MAX_INVOICES = 100;

type Why = { code?: string; decline_code?: string | null; message?: string } | null | undefined;
const why = (e: Why) => (e ? `${e.decline_code ?? e.code ?? "declined"}: ${e.message ?? ""}`.trim() : null);
const day = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";

/**
 * Everything about one subscription for its dashboard page: the API object, its invoices, and a timeline of
 * its renewals and dunning tries read from the subscription's and its invoices' events (each invoice event
 * carries the invoice as it was then: attempt count, last error, next try) and audit rows (who asked for a
 * change; each collection try with its payment), ending with what is scheduled next. Scoped to the merchant
 * and mode like every read.
 */
export async function getSubscriptionTimeline({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "subscriptions:read");
  requirePermission(ctx, "invoices:read");
  const db = await executor(ctx);
  const sub = await loadSubscription(db, ctx, id);
  const [items, invoiceRows] = await Promise.all([
    itemsOf(db, sub.id),
    db
      .select()
      .from(invoices)
      .where(and(eq(invoices.merchantId, ctx.merchantId), eq(invoices.livemode, ctx.livemode), eq(invoices.subscription, sub.id)))
      .orderBy(desc(invoices.id))
      .limit(MAX_INVOICES),
  ]);
  const invoiceIds = invoiceRows.map((i) => i.id);
  const objectIds = [sub.id, ...invoiceIds];
  const [lines, eventRows, audits] = await Promise.all([
    loadLines(db, invoiceIds),
    db
      .select()
      .from(events)
      .where(
        and(
          eq(events.merchantId, ctx.merchantId),
          eq(events.livemode, ctx.livemode),
          inArray(sql<string>`${events.data}->'object'->>'id'`, objectIds),
          apiEventsOnly(),
        ),
      )
      .orderBy(asc(events.id)),
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), inArray(auditLog.targetId, objectIds)))
      .orderBy(asc(auditLog.id)),
  ]);
  const tryPayments = audits.flatMap((a) => (a.action === "invoice.payment_attempted" && typeof a.metadata?.payment === "string" ? [a.metadata.payment] : []));
  const paymentRows = tryPayments.length
    ? await db
        .select({ id: payments.id, status: payments.status, amount: payments.amount, currency: payments.currency, card: payments.card })
        .from(payments)
        .where(and(eq(payments.merchantId, ctx.merchantId), inArray(payments.id, tryPayments)))
    : [];
  const paymentById = new Map(paymentRows.map((p) => [p.id, p]));
  const invoiceObjects: InvoiceObject[] = invoiceRows.map((i) => serializeInvoice(i, lines.get(i.id) ?? []));
  const numberOf = new Map(invoiceRows.map((i) => [i.id, i.number ?? i.id]));

  const timeline: SubscriptionTimelineItem[] = [
    ...eventRows.flatMap((e) => fromEvent(e, numberOf)),
    ...audits.flatMap((a) => fromAudit(a, numberOf, paymentById)),
  ];
  // What comes next: a scheduled retry of each open invoice, and the next renewal.
  for (const i of invoiceObjects) {
    if (i.status === "open" && i.next_payment_attempt) {
      timeline.push({
        at: i.next_payment_attempt * 1000,
        kind: "scheduled",
        title: `Next try of invoice ${i.number ?? i.id} (try ${i.attempt_count + 1})`,
        detail: `${formatMoney(i.amount_remaining, i.currency)} from the default card`,
        ref: i.id,
      });
    }
  }
  const renews = ["active", "trialing", "past_due", "unpaid"].includes(sub.status);
  if (renews) {
    timeline.push({
      at: sub.currentPeriodEnd.getTime(),
      kind: "scheduled",
      title: sub.cancelAtPeriodEnd ? "Cancels at the end of the period" : sub.status === "trialing" ? "Trial ends: first paid renewal" : "Next renewal",
      detail: null,
      ref: sub.id,
    });
  }
  timeline.sort((x, y) => x.at - y.at || x.ref.localeCompare(y.ref));

  return { subscription: serializeSubscription(sub, items), invoices: invoiceObjects, hasMoreInvoices: invoiceRows.length === MAX_INVOICES, timeline };
}

function fromEvent(e: EventRow, numberOf: Map<string, string>): SubscriptionTimelineItem[] {
  const o = e.data.object as Record<string, unknown>;
  const at = e.createdAt.getTime();
  const base = { at, ref: e.id };
  const number = (o.number as string | null) ?? numberOf.get(String(o.id)) ?? String(o.id);
  const money = (n: unknown) => formatMoney(Number(n ?? 0), String(o.currency ?? "usd"));
  switch (e.type) {
    case "customer.subscription.created":
      return [{ ...base, kind: "status", title: `Subscription created (${String(o.status).replaceAll("_", " ")})`, detail: null }];
    case "customer.subscription.updated": {
      const prev = e.data.previous_attributes ?? {};
      const out: SubscriptionTimelineItem[] = [];
      if ("status" in prev) {
        const reason = why(o.status_reason as Why);
        out.push({
          ...base,
          kind: "status",
          title: `Status: ${String(prev.status).replaceAll("_", " ")} → ${String(o.status).replaceAll("_", " ")}`,
          detail: o.status === "past_due" || o.status === "incomplete" ? reason : null,
        });
      }
      if ("cancel_at_period_end" in prev) {
        out.push({
          ...base,
          kind: "change",
          title: o.cancel_at_period_end ? "Set to cancel at period end" : "Cancellation at period end undone",
          detail: null,
        });
      }
      if ("items" in prev) out.push({ ...base, kind: "change", title: "Items changed", detail: itemsWords(o.items) });
      if ("current_period_start" in prev && !("status" in prev && prev.status === "paused")) {
        out.push({
          ...base,
          kind: "renewal",
          title: `New period from ${day(Number(o.current_period_start))} to ${day(Number(o.current_period_end))}`,
          detail: null,
        });
      }
      return out;
    }
    case "customer.subscription.deleted":
      return [{ ...base, kind: "status", title: "Subscription ended", detail: (o.cancellation_details as { reason?: string } | null)?.reason ?? null }];
    case "customer.subscription.trial_will_end":
      return [{ ...base, kind: "status", title: "Trial ends in 3 days (trial_will_end sent)", detail: null }];
    case "invoice.finalized":
      return [
        {
          ...base,
          kind: o.billing_reason === "subscription_cycle" ? "renewal" : "invoice",
          title: `Invoice ${number} for ${money(o.amount_due)}${o.billing_reason === "subscription_cycle" ? " (renewal)" : ""}`,
          detail: null,
        },
      ];
    case "invoice.paid":
      return [{ ...base, kind: "invoice", title: `Invoice ${number} paid`, detail: Number(o.amount_paid) > 0 ? money(o.amount_paid) : "nothing was due" }];
    case "invoice.payment_failed": {
      const next = o.next_payment_attempt ? `next try ${day(Number(o.next_payment_attempt))}` : "no further automatic try";
      return [
        {
          ...base,
          kind: "try",
          title: `Try ${String(o.attempt_count)} of invoice ${number} failed`,
          detail: `${why(o.last_payment_error as Why) ?? "declined"}; ${next}`,
        },
      ];
    }
    case "invoice.voided":
      return [{ ...base, kind: "invoice", title: `Invoice ${number} voided`, detail: null }];
    case "invoice.marked_uncollectible":
      return [{ ...base, kind: "invoice", title: `Invoice ${number} marked uncollectible`, detail: null }];
    case "invoice.upcoming":
      return [{ ...base, kind: "renewal", title: `Upcoming invoice announced (${money(o.amount_due)})`, detail: null }];
    default:
      return [];
  }
}

function itemsWords(items: unknown): string | null {
  const data = (items as { data?: { quantity: number; price: { id: string; unit_amount: number; currency: string } }[] } | null)?.data;
  if (!data) return null;
  return data.map((i) => `${i.quantity} × ${formatMoney(i.price.unit_amount, i.price.currency)} (${i.price.id})`).join(", ");
}

const BY_HAND: Record<string, string> = {
  "subscription.created": "Created",
  "subscription.updated": "Changed",
  "subscription.canceled": "Canceled",
  "subscription.paused": "Paused",
  "subscription.resumed": "Resumed",
};

function fromAudit(
  a: AuditRow,
  numberOf: Map<string, string>,
  paymentById: Map<string, { status: string; amount: bigint; currency: string; card: { brand?: string; last4?: string } | null }>,
): SubscriptionTimelineItem[] {
  const base = { at: a.createdAt.getTime(), ref: a.id };
  const who =
    a.actorType === "user"
      ? (a.actorLabel ?? "a team member")
      : a.actorType === "api_key"
        ? `API key ${a.actorLabel ?? ""}`.trim()
        : `Kassa (${a.actorLabel ?? a.actorType})`;
  if (a.action === "invoice.payment_attempted") {
    const p = paymentById.get(String(a.metadata?.payment));
    const card = p?.card?.last4 ? ` with ${p.card.brand ?? "card"} · ${p.card.last4}` : "";
    return [
      {
        ...base,
        kind: "try",
        title: `Try ${String(a.metadata?.try ?? "?")} to collect invoice ${numberOf.get(a.targetId ?? "") ?? a.targetId}${card}`,
        detail: p ? `payment ${String(a.metadata?.payment)}: ${p.status.replaceAll("_", " ")}, ${formatMoney(p.amount, p.currency)}` : null,
      },
    ];
  }
  if (a.action === "subscription.canceled") {
    const title =
      a.metadata?.at_period_end === true
        ? "Canceled at the period's end"
        : a.metadata?.invoice
          ? "Canceled: the last payment try failed"
          : `Canceled now by ${who}`;
    return [{ ...base, kind: "change", title, detail: a.metadata?.prorate ? "unused time credited to the customer's balance" : null }];
  }
  if (a.action === "subscription.renewed") return []; // the renewal invoice's own event says it
  const verb = BY_HAND[a.action];
  if (!verb || a.actorType === "system") return [];
  return [{ ...base, kind: "change", title: `${verb} by ${who}`, detail: null }];
}

export type SubscriptionTimeline = Awaited<ReturnType<typeof getSubscriptionTimeline>>;
