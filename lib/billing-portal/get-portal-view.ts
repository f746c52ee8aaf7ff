import { and, desc, eq, ne, notInArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices, paymentMethods, subscriptions, type SubscriptionStatus } from "@/db/schema";
import { getBillingSettings } from "@/lib/billing/settings";
import { previewUpcomingInvoice } from "@/lib/invoices/preview-upcoming-invoice";
import { hostedInvoiceUrl } from "@/lib/invoices/serialize";
import { KassaError } from "@/lib/service/errors";
import { productNames } from "@/lib/subscriptions/item-lines";
import { loadItems } from "@/lib/subscriptions/load";
import { portalContext, type OpenPortal } from "./find-portal-session";
import { PORTAL_CANCELABLE } from "./set-portal-cancel";

/** Subscriptions that are over are not the portal's business (Stripe's portal hides them too). */
const ENDED: SubscriptionStatus[] = ["canceled", "incomplete_expired"];
const MAX_SUBSCRIPTIONS = 20;
const MAX_INVOICES = 24;

export interface PortalCard {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface PortalSubscription {
  id: string;
  status: SubscriptionStatus;
  currency: string;
  items: { id: string; name: string; quantity: number; unitAmount: bigint; interval: string; intervalCount: number }[];
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** The next renewal as the renewal will bill it (items, pending prorations, the customer's balance); null when none is coming. */
  next: { at: Date; amountDue: bigint } | null;
  /** The customer may set (or undo) cancel at period end here. */
  cancelable: boolean;
}

export interface PortalInvoice {
  number: string | null;
  date: Date;
  total: bigint;
  amountDue: bigint;
  currency: string;
  status: string;
  hostedUrl: string;
}

export interface PortalView {
  sessionId: string;
  businessName: string;
  livemode: boolean;
  returnUrl: string | null;
  customer: { name: string | null; email: string | null; connector: string };
  card: PortalCard | null;
  /** The merchant lets customers cancel (at period end) here. */
  portalCancel: boolean;
  subscriptions: PortalSubscription[];
  invoices: PortalInvoice[];
  expiresAt: Date;
}

/**
 * Everything the portal page shows, for the session's customer only: each query is bound to the session's
 * merchant, mode and customer, so nothing of another customer can appear whatever the page is asked.
 */
export async function getPortalView({ portal, db }: { portal: OpenPortal; db?: Executor }): Promise<PortalView> {
  const { session, customer, businessName } = portal;
  const handle = db ?? (await getDb());
  const ctx = { ...portalContext(session), db: handle };
  const tenant = (t: typeof subscriptions | typeof invoices) =>
    and(eq(t.merchantId, session.merchantId), eq(t.livemode, session.livemode), eq(t.customer, session.customer));

  const [subs, invoiceRows, card, settings] = await Promise.all([
    handle
      .select()
      .from(subscriptions)
      .where(and(tenant(subscriptions), notInArray(subscriptions.status, ENDED)))
      .orderBy(desc(subscriptions.id))
      .limit(MAX_SUBSCRIPTIONS),
    handle
      .select()
      .from(invoices)
      .where(and(tenant(invoices), ne(invoices.status, "draft")))
      .orderBy(desc(invoices.id))
      .limit(MAX_INVOICES),
    customer.defaultPaymentMethod ? defaultCard(handle, portal, customer.defaultPaymentMethod) : Promise.resolve(null),
    getBillingSettings(handle, session.merchantId),
  ]);
  const items = await loadItems(
    handle,
    subs.map((s) => s.id),
  );
  const names = await productNames(
    handle,
    [...items.values()].flat().map((i) => i.price),
  );
  const nexts = await Promise.all(subs.map((s) => nextRenewal(ctx, s.id)));

  return {
    sessionId: session.id,
    businessName,
    livemode: session.livemode,
    returnUrl: session.returnUrl,
    customer: { name: customer.name, email: customer.email, connector: customer.connector },
    card,
    portalCancel: settings.portalCancel,
    expiresAt: session.expiresAt,
    subscriptions: subs.map((s, i) => ({
      id: s.id,
      status: s.status,
      currency: s.currency,
      items: (items.get(s.id) ?? []).map(({ item, price }) => ({
        id: item.id,
        name: price.nickname ?? names.get(price.product) ?? "Subscription",
        quantity: item.quantity,
        unitAmount: price.unitAmount,
        interval: s.interval,
        intervalCount: s.intervalCount,
      })),
      currentPeriodEnd: s.currentPeriodEnd,
      trialEnd: s.trialEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      next: nexts[i]!,
      cancelable: PORTAL_CANCELABLE.has(s.status),
    })),
    invoices: invoiceRows.map((i) => ({
      number: i.number,
      date: i.finalizedAt ?? i.createdAt,
      total: i.total,
      amountDue: i.amountDue,
      currency: i.currency,
      status: i.status,
      hostedUrl: hostedInvoiceUrl(i),
    })),
  };
}

/** The customer's default card, only if it is still theirs (same merchant, mode and customer). */
async function defaultCard(db: Executor, portal: OpenPortal, id: string): Promise<PortalCard | null> {
  const [pm] = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.id, id),
        eq(paymentMethods.merchantId, portal.session.merchantId),
        eq(paymentMethods.livemode, portal.session.livemode),
        eq(paymentMethods.customer, portal.session.customer),
      ),
    );
  return pm ? { brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year } : null;
}

/** The upcoming invoice's preview (the same lines the renewal will make); none for a subscription that will not renew. */
async function nextRenewal(ctx: Parameters<typeof previewUpcomingInvoice>[0]["ctx"], subscription: string): Promise<PortalSubscription["next"]> {
  try {
    const preview = await previewUpcomingInvoice({ ctx, input: { subscription } });
    return { at: new Date(preview.next_payment_attempt * 1000), amountDue: BigInt(preview.amount_due) };
  } catch (error) {
    if (error instanceof KassaError && error.code === "invoice_upcoming_none") return null;
    throw error;
  }
}
