import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { auditLog, disputes, events, journalEntries, journalLines, paymentAttempts, refunds, upiEvents, webhookDeliveries, type UpiDetails } from "@/db/schema";
import { apiEventsOnly } from "@/lib/events/internal-events";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadPayment } from "./load-payment";
import { serializePayment, type PaymentObject } from "./serialize-payment";
import { serializeRefund } from "@/lib/refunds/serialize-refund";
import { maskVpa } from "@/lib/upi/vpa";
import { upiEventLine, upiView } from "./upi-timeline";

export interface TimelineItem {
  at: number; // unix ms
  kind: "event" | "attempt" | "audit" | "webhook" | "upi";
  title: string;
  detail: string | null;
  ref: string;
}

/**
 * Everything about one payment for its dashboard page: the API object, its refunds, a timeline of
 * attempts (with the processor's answers), status-change events, audit rows and webhook deliveries,
 * and its ledger lines. Scoped to the merchant and mode like every read.
 */
export async function getPaymentTimeline({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "payments:read");
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, id);
  const [refundRows, disputeRows] = await Promise.all([
    db.select().from(refunds).where(eq(refunds.paymentId, id)).orderBy(asc(refunds.id)),
    db
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.merchantId, ctx.merchantId), eq(disputes.livemode, ctx.livemode), eq(disputes.paymentId, id)))
      .orderBy(asc(disputes.id)),
  ]);
  const refundIds = refundRows.map((r) => r.id);
  // Refunds and disputes of the payment: their events, audit rows and ledger lines belong here too.
  const objectIds = [id, ...refundIds, ...disputeRows.map((d) => d.id)];
  const [attempts, eventRows, audits, entries, upiRows] = await Promise.all([
    db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, id)).orderBy(asc(paymentAttempts.id)),
    db
      .select()
      .from(events)
      // Internal events (a re-run's trigger, a delivery request) are hand-offs, not the payment's history.
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
    db
      .select({
        id: journalEntries.id,
        type: journalEntries.type,
        key: journalEntries.key,
        at: journalEntries.createdAt,
        account: journalLines.account,
        amount: journalLines.amount,
        currency: journalLines.currency,
      })
      .from(journalEntries)
      .innerJoin(journalLines, eq(journalLines.entryId, journalEntries.id))
      .where(and(eq(journalEntries.merchantId, ctx.merchantId), eq(journalEntries.livemode, ctx.livemode), inArray(journalEntries.sourceId, objectIds)))
      .orderBy(asc(journalEntries.id), asc(journalLines.position)),
    // A UPI payment's status checks, callbacks and expiry (only UPI payments have any).
    payment.paymentMethod === "upi"
      ? db
          .select()
          .from(upiEvents)
          .where(and(eq(upiEvents.merchantId, ctx.merchantId), eq(upiEvents.livemode, ctx.livemode), eq(upiEvents.paymentId, id)))
          .orderBy(asc(upiEvents.createdAt), asc(upiEvents.id))
      : Promise.resolve([]),
  ]);
  const deliveries = eventRows.length
    ? await db
        .select()
        .from(webhookDeliveries)
        .where(
          inArray(
            webhookDeliveries.eventId,
            eventRows.map((e) => e.id),
          ),
        )
        .orderBy(asc(webhookDeliveries.id))
    : [];

  const timeline: TimelineItem[] = [
    ...attempts.map((a) => ({
      at: a.createdAt.getTime(),
      kind: "attempt" as const,
      title: `Attempt with ${a.paymentMethod}: ${a.status}`,
      detail: a.failure
        ? `${a.failure.code}${a.failure.decline_code ? ` / ${a.failure.decline_code}` : ""}: ${a.failure.message}`
        : a.processorId
          ? `processor ${a.processorId}`
          : null,
      ref: a.id,
    })),
    ...eventRows.map((e) => ({ at: e.createdAt.getTime(), kind: "event" as const, title: e.type, detail: null, ref: e.id })),
    ...audits.map((a) => ({
      at: a.createdAt.getTime(),
      kind: "audit" as const,
      title: `${a.action} by ${a.actorType === "user" ? (a.actorLabel ?? "a user") : a.actorType === "api_key" ? `API key ${a.actorLabel ?? ""}`.trim() : (a.actorLabel ?? a.actorType)}`,
      detail: null,
      ref: a.id,
    })),
    ...upiRows.map(upiEventLine),
    ...deliveries.map((d) => ({
      at: (d.completedAt ?? d.updatedAt).getTime(),
      kind: "webhook" as const,
      title: `Webhook ${d.eventType} ${d.status === "succeeded" ? "delivered" : d.status}`,
      detail: `${d.attemptCount} ${d.attemptCount === 1 ? "try" : "tries"}${d.lastStatusCode ? `, last HTTP ${d.lastStatusCode}` : ""}`,
      ref: d.endpointId,
    })),
  ].sort((x, y) => x.at - y.at || x.kind.localeCompare(y.kind));

  const serialized = serializePayment(payment);
  const upi = payment.upi;
  return {
    payment: upi ? maskedVpas(serialized, upi) : serialized,
    upi: upi ? upiView(upi, upiRows) : null,
    refunds: refundRows.map(serializeRefund),
    refundable: Number(payment.amountReceived - payment.amountRefunded),
    timeline,
    ledger: entries.map((l) => ({ entry: l.id, type: l.type, account: l.account, amount: Number(l.amount), currency: l.currency, at: l.at.getTime() })),
  };
}

/** The page shows a VPA masked, so the browser is never sent the whole of it (the API still returns it). */
function maskedVpas(p: PaymentObject, upi: UpiDetails): PaymentObject {
  const next = p.next_action?.type === "upi_collect_pending" ? { ...p.next_action, vpa: maskVpa(p.next_action.vpa) ?? "" } : p.next_action;
  return { ...p, payment_method_details: { type: "upi", upi: { ...upi, vpa: maskVpa(upi.vpa) } }, next_action: next };
}
