import { eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { draftInvoice, finalizeDraft } from "@/lib/invoices/build-invoice";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadSubscription } from "./load";
import { declarePeriodRun } from "./period-run";
import { renewalLines } from "./renewal-lines";
import { setSubscription } from "./set-subscription";

export interface RenewalResult {
  /** What happened at the period's end. */
  outcome: "renewed" | "canceled" | "skipped";
  reason?: string;
  invoice: string | null;
  /** The renewal invoice is open and should be charged now. */
  collect: boolean;
}

/**
 * The end of a subscription period (system verb, run by the period's workflow): in one commit, the next
 * period starts, its invoice (with any pending prorations) is made and finalised, and the next period's run
 * is declared — or the subscription ends if it was set to cancel at period end. A second call for the same
 * period (a retried step, a run resumed after a crash) finds that period's invoice by its renewal key and
 * does nothing again. `periodRun: false` leaves out the next period's run, for a caller that dates the
 * subscription back and declares its run itself (the demo seed; see createSubscription).
 */
export async function renewSubscription({
  ctx,
  subscriptionId,
  periodEnd,
  periodRun = true,
}: {
  ctx: ServiceContext;
  subscriptionId: string;
  periodEnd: Date;
  periodRun?: boolean;
}): Promise<RenewalResult> {
  return commit(ctx, async (tx, changes): Promise<RenewalResult> => {
    const sub = await loadSubscription(tx, ctx, subscriptionId, { lock: true });
    const renewalKey = `${sub.id}:${periodEnd.getTime()}`;
    const [done] = await tx.select({ id: invoices.id, status: invoices.status }).from(invoices).where(eq(invoices.renewalKey, renewalKey));
    if (done) return { outcome: "renewed", invoice: done.id, collect: done.status === "open" && sub.status !== "unpaid" };
    if (sub.currentPeriodEnd.getTime() !== periodEnd.getTime()) return { outcome: "skipped", reason: "the period changed", invoice: null, collect: false };
    if (["canceled", "incomplete", "incomplete_expired", "paused"].includes(sub.status)) {
      return { outcome: "skipped", reason: `the subscription is ${sub.status}`, invoice: null, collect: false };
    }
    if (sub.cancelAtPeriodEnd) {
      await setSubscription(tx, changes, sub, {
        status: "canceled",
        canceledAt: new Date(),
        endedAt: periodEnd,
        cancellationReason: "cancellation_requested",
        statusReason: null,
      });
      changes.audit({ action: "subscription.canceled", targetType: "subscription", targetId: sub.id, metadata: { at_period_end: true } });
      return { outcome: "canceled", invoice: null, collect: false };
    }

    const { period, lines } = await renewalLines(tx, sub, periodEnd);
    const draft = await draftInvoice(tx, ctx, changes, {
      customer: sub.customer,
      subscription: sub.id,
      currency: sub.currency,
      billingReason: "subscription_cycle",
      period,
      lines,
      takePending: true,
      renewalKey,
    });
    const invoice = await finalizeDraft(tx, ctx, changes, draft.invoice, draft.lines);
    const status = sub.status === "trialing" ? "active" : sub.status;
    const renewed = await setSubscription(tx, changes, sub, {
      status,
      currentPeriodStart: period.start,
      currentPeriodEnd: period.end,
      latestInvoice: invoice.id,
    });
    if (periodRun) declarePeriodRun(changes, renewed);
    changes.audit({ action: "subscription.renewed", targetType: "subscription", targetId: sub.id, metadata: { invoice: invoice.id } });
    return { outcome: "renewed", invoice: invoice.id, collect: invoice.status === "open" && status !== "unpaid" };
  });
}
