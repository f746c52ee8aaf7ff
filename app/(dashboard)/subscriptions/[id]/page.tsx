import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { cardLabel } from "@/components/dashboard/card-label";
import { priceLabel } from "@/components/dashboard/price-label";
import { InvoiceActions, SubscriptionActions } from "@/components/dashboard/subscriptions";
import {
  explainStatus,
  intervalWords,
  invoiceTone,
  periodAmountLabel,
  reasonWords,
  statusWords,
  subscriptionTone,
} from "@/components/dashboard/subscription-labels";
import { getPaymentMethod } from "@/lib/customers/list-payment-methods";
import { getCustomer } from "@/lib/customers/get-customer";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { previewUpcomingInvoice } from "@/lib/invoices/preview-upcoming-invoice";
import { formatMoney } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { can } from "@/lib/service/roles";
import { getSubscriptionTimeline, type SubscriptionTimelineItem } from "@/lib/subscriptions/get-subscription-timeline";
import { namesFor } from "../names";

export const metadata = { title: "Subscription" };

const KIND_TONE: Record<SubscriptionTimelineItem["kind"], "slate" | "green" | "amber" | "red" | "blue"> = {
  renewal: "blue",
  try: "amber",
  status: "slate",
  invoice: "green",
  change: "slate",
  scheduled: "blue",
};

export default async function SubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("subscriptions:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let view: Awaited<ReturnType<typeof getSubscriptionTimeline>>;
  try {
    view = await getSubscriptionTimeline({ ctx, id });
  } catch (error) {
    // Another merchant's, the other mode's or unknown: the same 404 as the API's resource_missing.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const sub = view.subscription;
  const missing = (error: unknown) => {
    if (error instanceof KassaError && (error.code === "resource_missing" || error.code === "invoice_upcoming_none")) return error;
    throw error;
  };
  // A deleted customer's subscription still shows, under the customer's id.
  const customer = await getCustomer({ ctx, id: sub.customer }).catch((error: unknown) => {
    missing(error); // anything but "not found" is thrown
    return null;
  });
  const defaultPm = sub.default_payment_method ?? customer?.invoice_settings.default_payment_method ?? null;
  const [names, card, upcoming] = await Promise.all([
    namesFor(ctx, { products: sub.items.data.map((i) => i.price.product) }),
    defaultPm ? getPaymentMethod({ ctx, id: defaultPm }).catch(() => null) : null,
    previewUpcomingInvoice({ ctx, input: { subscription: sub.id } }).catch(missing),
  ]);
  const canWrite = can(member.role, "subscriptions:write");
  const canWriteInvoices = can(member.role, "invoices:write");
  const money = (n: number) => formatMoney(n, sub.currency);
  const customerName = customer?.name ?? customer?.email ?? sub.customer;
  const product = sub.items.data.map((i) => names.product(i.price.product)).join(", ");
  return (
    <>
      <PageHeader
        title={`${customerName} · ${product}`}
        description={sub.id}
        actions={
          <div className="flex items-center gap-3">
            <Badge tone={subscriptionTone(sub.status)}>{statusWords(sub.status)}</Badge>
            <Link href="/subscriptions" className="text-sm text-brand-700 hover:underline">
              All subscriptions
            </Link>
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Status">
          <p className="text-sm text-slate-800" data-testid="status-explained">
            {explainStatus(sub)}
          </p>
          {sub.status_reason ? (
            <p className="mt-2 text-xs text-slate-600">
              Reason given: <code className="rounded bg-slate-100 px-1">{sub.status_reason.decline_code ?? sub.status_reason.code}</code> —{" "}
              {sub.status_reason.message}
            </p>
          ) : null}
        </Card>
        <Card title="Summary">
          <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="subscription-summary">
            <div>
              <dt className="text-slate-600">Customer</dt>
              <dd>
                <Link className="font-medium text-brand-700 hover:underline" href={`/customers/${sub.customer}`}>
                  {customerName}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Default card</dt>
              <dd className="capitalize">{card?.card ? cardLabel(card.card) : "none — the first try will fail"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Amount</dt>
              <dd>{periodAmountLabel(sub)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Current period</dt>
              <dd>
                <Time seconds={sub.current_period_start} /> → <Time seconds={sub.current_period_end} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Trial</dt>
              <dd>
                {sub.trial_end ? (
                  <>
                    <Time seconds={sub.trial_start} /> → <Time seconds={sub.trial_end} />
                  </>
                ) : (
                  "none"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Cancel at period end</dt>
              <dd data-testid="cancel-at-period-end">
                {sub.cancel_at_period_end ? (
                  <>
                    yes, on <Time seconds={sub.cancel_at} />
                  </>
                ) : (
                  "no"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Billed every</dt>
              <dd>{intervalWords(sub.plan_interval)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Started</dt>
              <dd>
                <Time seconds={sub.start_date} />
              </dd>
            </div>
            {sub.ended_at ? (
              <div>
                <dt className="text-slate-600">Ended</dt>
                <dd>
                  <Time seconds={sub.ended_at} />
                </dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <Card title="Items">
          <Table
            caption="Items of this subscription"
            testId="subscription-items"
            rows={sub.items.data}
            rowKey={(i) => i.id}
            columns={[
              {
                id: "product",
                header: "Product",
                className: "font-medium",
                href: (i) => `/products/${i.price.product}`,
                cell: (i) => names.product(i.price.product),
              },
              { id: "price", header: "Price", cell: (i) => priceLabel(i.price), detail: (i) => i.price.id },
              { id: "quantity", header: "Quantity", numeric: true, cell: (i) => i.quantity.toLocaleString("en-US") },
              { id: "amount", header: "Per period", numeric: true, cell: (i) => money(i.price.unit_amount * i.quantity) },
            ]}
          />
        </Card>
        {canWrite ? (
          <Card title="Actions">
            <SubscriptionActions id={sub.id} status={sub.status} cancelAtPeriodEnd={sub.cancel_at_period_end} />
          </Card>
        ) : null}
        <Card title="Upcoming invoice">
          {upcoming instanceof KassaError ? (
            <p className="text-sm text-slate-600" data-testid="upcoming-none">
              No upcoming invoice: {upcoming.message.replace(/^No upcoming invoice: /, "")}
            </p>
          ) : (
            <div className="space-y-3" data-testid="upcoming-invoice">
              <p className="text-sm text-slate-700">
                On <Time seconds={upcoming.next_payment_attempt} /> the renewal will bill <strong>{money(upcoming.amount_due)}</strong>
                {upcoming.starting_balance < 0 ? ` (after ${money(-upcoming.starting_balance)} of credit)` : ""} for <Time seconds={upcoming.period_start} /> →{" "}
                <Time seconds={upcoming.period_end} />.
              </p>
              <Table
                caption="Lines of the upcoming invoice"
                density="compact"
                rows={upcoming.lines.data}
                rowKey={(l, i) => l.id ?? `next-${i}`}
                columns={[
                  {
                    id: "description",
                    header: "Description",
                    cell: (l) => l.description,
                    detail: (l) => (l.proration ? "proration, pending from a change" : null),
                  },
                  { id: "amount", header: "Amount", numeric: true, cell: (l) => money(l.amount) },
                ]}
              />
              <p className="text-right text-sm font-medium" data-testid="upcoming-total">
                Total {money(upcoming.total)} · due {money(upcoming.amount_due)}
              </p>
            </div>
          )}
        </Card>
        <Card title="Invoices">
          <Table
            caption="Invoices of this subscription"
            testId="subscription-invoices"
            rows={view.invoices}
            rowKey={(i) => i.id}
            empty="No invoices yet."
            columns={[
              {
                id: "number",
                header: "Invoice",
                className: "font-medium",
                href: (i) => i.hosted_invoice_url,
                linkLabel: (i) => `Invoice ${i.number ?? i.id}, hosted page`,
                cell: (i) => i.number ?? "draft",
                detail: (i) => i.billing_reason.replaceAll("_", " "),
              },
              { id: "status", header: "Status", cell: (i) => <Badge tone={invoiceTone(i.status)}>{i.status}</Badge> },
              { id: "due", header: "Due", numeric: true, cell: (i) => money(i.amount_due) },
              { id: "paid", header: "Paid", numeric: true, cell: (i) => money(i.amount_paid) },
              {
                id: "tries",
                header: "Tries",
                numeric: true,
                cell: (i) => i.attempt_count,
                detail: (i) => (i.last_payment_error ? `last: ${reasonWords(i.last_payment_error)}` : null),
              },
              {
                id: "next",
                header: "Next try",
                className: "text-slate-600",
                cell: (i) => (i.next_payment_attempt ? <Time seconds={i.next_payment_attempt} /> : "—"),
              },
              { id: "created", header: "Created", className: "text-slate-600", cell: (i) => <Time seconds={i.created} /> },
              {
                id: "actions",
                header: "Actions",
                headerHidden: true,
                align: "right",
                hidden: !canWriteInvoices,
                cell: (i) => (i.status === "open" ? <InvoiceActions id={i.id} number={i.number ?? i.id} subscription={sub.id} /> : null),
              },
            ]}
          />
          {view.hasMoreInvoices ? (
            <p className="mt-3 text-xs text-slate-600">
              The 100 newest are shown;{" "}
              <Link className="text-brand-700 underline" href={`/invoices?subscription=${sub.id}`}>
                all of them
              </Link>
              .
            </p>
          ) : null}
        </Card>
        <Card title="Timeline">
          <ol className="space-y-3 text-sm" data-testid="subscription-timeline">
            {view.timeline.map((t, i) => (
              <li key={`${t.ref}-${i}`} className="flex gap-3" data-kind={t.kind}>
                <span className="w-40 shrink-0 text-slate-600">
                  <Time seconds={Math.floor(t.at / 1000)} />
                </span>
                <span className="w-20 shrink-0">
                  <Badge tone={KIND_TONE[t.kind]}>{t.kind === "scheduled" ? "next" : t.kind}</Badge>
                </span>
                <span>
                  <span className="text-slate-900">{t.title}</span>
                  {t.detail ? <span className="block text-xs text-slate-600">{t.detail}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
