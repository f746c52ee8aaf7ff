import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { CancelForm } from "@/components/billing-portal/cancel-form";
import { CardUpdate, type CardFormMode } from "@/components/billing-portal/card-update";
import { CardSummary, InvoiceTable, PortalDate, PortalFrame, Section, SubscriptionSummary } from "@/components/billing-portal/portal-view";
import { Notice } from "@/components/checkout/checkout-card";
import { findPortalSession } from "@/lib/billing-portal/find-portal-session";
import { getPortalView } from "@/lib/billing-portal/get-portal-view";
import { checkoutMode } from "@/lib/checkout/checkout-mode";
import { refreshCardAction, saveCardAction, saveCardWithPaymentMethodAction, setCancelAction } from "./actions";

export const metadata = { title: "Billing", robots: { index: false } };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

function ReturnLink({ href, businessName }: { href: string | null; businessName: string }) {
  if (!href) return null;
  return (
    <a className="text-sm font-medium text-brand-700 underline hover:text-brand-600" href={href} data-testid="portal-return">
      Return to {businessName}
    </a>
  );
}

/**
 * GET /billing/:token — the customer billing portal: public, the link's token is the only credential (unknown,
 * malformed or its customer deleted: 404; past expires_at: an "expired" page with nothing of the customer's).
 */
export default async function BillingPortalPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ updated?: string }> }) {
  const { token } = await params;
  const { updated } = await searchParams;
  const db = await getDb();
  const found = await findPortalSession({ token, db });
  if (found.state === "missing") notFound();
  if (found.state === "expired") {
    return (
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="portal-expired">
        <Notice title="This billing link has expired">
          <p>For your security, billing links work for a short time only. Go back to {found.businessName} and open your billing page again.</p>
          <p>
            <ReturnLink href={found.session.returnUrl} businessName={found.businessName} />
          </p>
        </Notice>
      </div>
    );
  }

  const view = await getPortalView({ portal: found, db });
  const mode = cardFormMode(view.livemode, view.customer.connector, view.businessName);
  const currency = view.subscriptions[0]?.currency ?? null;
  return (
    <PortalFrame businessName={view.businessName} testMode={!view.livemode} back={<ReturnLink href={view.returnUrl} businessName={view.businessName} />}>
      {updated === "card" ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="portal-card-updated">
          Your card was updated. Your next payments use it.
        </p>
      ) : null}
      {view.customer.name || view.customer.email ? (
        <p className="text-sm text-slate-700">
          Billing for {view.customer.name ?? view.customer.email}
          {view.customer.name && view.customer.email ? ` (${view.customer.email})` : ""}. This link works until <PortalDate at={view.expiresAt} />,{" "}
          {view.expiresAt.toISOString().slice(11, 16)} UTC.
        </p>
      ) : null}

      <Section title="Subscriptions" testId="portal-subscriptions">
        {view.subscriptions.length === 0 ? (
          <p className="text-sm text-slate-700">You have no subscriptions with {view.businessName}.</p>
        ) : (
          <div className="space-y-4">
            {view.subscriptions.map((sub) => (
              <SubscriptionSummary
                key={sub.id}
                sub={sub}
                actions={
                  sub.cancelable && (sub.cancelAtPeriodEnd || view.portalCancel) ? (
                    <CancelForm
                      action={setCancelAction.bind(null, token)}
                      subscription={sub.id}
                      cancelAtPeriodEnd={sub.cancelAtPeriodEnd}
                      periodEnd={day.format(sub.currentPeriodEnd)}
                    />
                  ) : sub.cancelable ? (
                    <p className="text-xs text-slate-600">To cancel, contact {view.businessName}.</p>
                  ) : null
                }
              />
            ))}
          </div>
        )}
      </Section>

      <Section title="Payment method" testId="portal-payment-method">
        <CardSummary card={view.card} />
        <CardUpdate
          mode={mode}
          currency={currency}
          hasCard={view.card !== null}
          saveSandbox={saveCardAction.bind(null, token)}
          saveStripe={saveCardWithPaymentMethodAction.bind(null, token)}
          refreshStripe={refreshCardAction.bind(null, token)}
        />
      </Section>

      <Section title="Invoices" testId="portal-invoice-history">
        <InvoiceTable invoices={view.invoices} />
      </Section>
    </PortalFrame>
  );
}

/** The checkout's rule for which card form to show, from the customer's processor (never from the page). */
function cardFormMode(livemode: boolean, connector: string, businessName: string): CardFormMode {
  const mode = checkoutMode({ livemode }, connector);
  if (mode.kind !== "unavailable") return mode;
  return { kind: "unavailable", message: `Cards can't be changed on this page yet. Contact ${businessName} to change your card.` };
}
