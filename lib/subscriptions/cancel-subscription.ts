import { eq } from "drizzle-orm";
import { customers } from "@/db/schema";
import { planCancellation } from "@/lib/billing/proration";
import { draftInvoice, finalizeDraft } from "@/lib/invoices/build-invoice";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { loadCustomer } from "@/lib/customers/load";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { recoveryOf } from "@/lib/service/recovery";
import { requirePermission } from "@/lib/service/roles";
import { CancelSubscriptionInput } from "./inputs";
import { itemsOf, loadSubscription, subscriptionUnexpectedState } from "./load";
import { serializeSubscription, type SubscriptionObject } from "./serialize";
import { setSubscription } from "./set-subscription";

const POINT = "subscription_canceled";

/**
 * POST /api/v1/subscriptions/:id/cancel — ends it now (for the end of the period, set cancel_at_period_end
 * instead). `prorate` credits the unused rest of a paid period, per item, to the second; `invoice_now`
 * puts that credit and any pending prorations on a final invoice at once (a negative total becomes the
 * customer's credit balance; a positive one is charged). `prorate` alone leaves the credit on the customer's
 * balance for their next invoice. Stripe's defaults: neither.
 */
export async function cancelSubscription({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<SubscriptionObject> {
  requirePermission(ctx, "subscriptions:write");
  const data = parseWith(CancelSubscriptionInput, input ?? {});
  const recovered = recoveryOf<{ invoiceId: string | null }>(ctx, POINT);
  const invoiceId = recovered
    ? (recovered.invoiceId ?? null)
    : await commit(ctx, async (tx, changes) => {
        const sub = await loadSubscription(tx, ctx, id, { lock: true });
        if (sub.status === "canceled" || sub.status === "incomplete_expired")
          throw subscriptionUnexpectedState(sub, "cancel a subscription that has not ended.");
        const now = new Date();
        const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
        const paidPeriod = ["active", "past_due"].includes(sub.status) && now >= period.start && now < period.end;
        const items = (await itemsOf(tx, sub.id)).map(({ item, price }) => ({
          price: { id: price.id, unit_amount: price.unitAmount, currency: price.currency, ...(price.nickname ? { nickname: price.nickname } : {}) },
          quantity: item.quantity,
        }));
        const plan = paidPeriod ? planCancellation({ period, at: now, items, prorate: data.prorate ?? false, invoiceNow: data.invoice_now ?? false }) : null;
        let invoiceId: string | null = null;
        let latestInvoice = sub.latestInvoice;
        if (data.invoice_now) {
          const draft = await draftInvoice(tx, ctx, changes, {
            customer: sub.customer,
            subscription: sub.id,
            currency: sub.currency,
            billingReason: "subscription_cancel",
            period: { start: now, end: now },
            lines: (plan?.lines ?? []).map((l) => ({
              description: l.description,
              amount: l.amount,
              quantity: l.quantity,
              period: l.period,
              proration: true,
              price: l.price.id,
            })),
            takePending: true,
          });
          if (draft.lines.length) {
            const invoice = await finalizeDraft(tx, ctx, changes, draft.invoice, draft.lines);
            latestInvoice = invoice.id;
            if (invoice.status === "open") invoiceId = invoice.id;
          }
        } else if (plan && plan.net !== 0n) {
          // The credit waits on the customer's balance; their next invoice uses it up.
          const customer = await loadCustomer(tx, ctx, sub.customer, { lock: true, param: "customer" });
          await tx
            .update(customers)
            .set({ balance: customer.balance + plan.net })
            .where(eq(customers.id, customer.id));
        }
        await setSubscription(tx, changes, sub, {
          status: "canceled",
          canceledAt: now,
          endedAt: now,
          cancellationReason: "cancellation_requested",
          latestInvoice,
          statusReason: null,
        });
        changes.audit({
          action: "subscription.canceled",
          targetType: "subscription",
          targetId: sub.id,
          metadata: { prorate: data.prorate ?? false, invoice_now: data.invoice_now ?? false, credit: Number(plan?.net ?? 0n) },
        });
        changes.recoveryPoint(POINT, { invoiceId });
        return invoiceId;
      });
  if (invoiceId) await collectInvoice({ ctx, invoiceId });
  // Read in the answer's own transaction: PGlite has one connection, so a read on the pool inside it never runs.
  return commit(ctx, async (tx) => serializeSubscription(await loadSubscription(tx, ctx, id), await itemsOf(tx, id)), { respond: (o) => o });
}
