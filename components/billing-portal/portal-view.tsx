import type { PortalCard, PortalInvoice, PortalSubscription } from "@/lib/billing-portal/get-portal-view";
import { formatMoney } from "@/lib/money";

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
/** A date as the customer reads it (UTC, so the server's HTML and the browser agree). */
export function PortalDate({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{day.format(at)}</time>;
}

const STATUS_LABELS: Record<string, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Past due",
  unpaid: "Unpaid",
  incomplete: "Awaiting payment",
  paused: "Paused",
  open: "Due",
  paid: "Paid",
  void: "Void",
  uncollectible: "Unpaid",
};
const STATUS_STYLES: Record<string, string> = {
  active: "bg-green-100 text-green-900",
  trialing: "bg-sky-100 text-sky-900",
  paid: "bg-green-100 text-green-900",
  open: "bg-amber-100 text-amber-900",
  past_due: "bg-red-100 text-red-900",
  unpaid: "bg-red-100 text-red-900",
  uncollectible: "bg-red-100 text-red-900",
};
function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLES[status] ?? "bg-slate-100 text-slate-800"}`}>
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

const every = (interval: string, count: number) => (count === 1 ? `/ ${interval}` : `every ${count} ${interval}s`);

/** The frame of the portal: who bills the customer, the way back to them, then the sections. */
export function PortalFrame({
  businessName,
  testMode,
  back,
  children,
}: {
  businessName: string;
  testMode: boolean;
  back?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm font-semibold text-slate-800" data-testid="portal-business">
            {businessName}
          </p>
          <h1 className="text-2xl font-semibold text-slate-900">Billing</h1>
        </div>
        <div className="flex items-center gap-3">
          {testMode ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Test mode</span> : null}
          {back}
        </div>
      </header>
      {children}
      <p className="text-center text-xs text-slate-600">
        Billing by <span className="font-semibold text-brand-700">kassa</span>
      </p>
    </div>
  );
}

export function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6" data-testid={testId}>
      <h2 id={id} className="mb-4 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function CardSummary({ card }: { card: PortalCard | null }) {
  if (!card)
    return (
      <p className="text-sm text-slate-700" data-testid="portal-card">
        No card on file.
      </p>
    );
  const brand = card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return (
    <p className="text-sm text-slate-800" data-testid="portal-card">
      <span className="font-medium">{brand}</span> ending in <span className="font-mono">{card.last4}</span>, expires {String(card.expMonth).padStart(2, "0")}/
      {card.expYear}
    </p>
  );
}

/** One subscription: its items and prices, its status, what comes next; `actions` is the cancel form when allowed. */
export function SubscriptionSummary({ sub, actions }: { sub: PortalSubscription; actions?: React.ReactNode }) {
  const title = sub.items.map((i) => i.name).join(", ");
  return (
    <article
      className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
      aria-label={`Subscription ${title}`}
      data-testid="portal-subscription"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        <StatusBadge status={sub.status} />
      </div>
      <ul className="space-y-1 text-sm text-slate-800">
        {sub.items.map((i) => (
          <li key={i.id}>
            {i.quantity > 1 ? `${i.quantity} × ` : ""}
            {i.name} — {formatMoney(i.unitAmount, sub.currency)} {every(i.interval, i.intervalCount)}
          </li>
        ))}
      </ul>
      <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        {sub.trialEnd && sub.status === "trialing" ? (
          <>
            <dt className="font-medium text-slate-800">Trial ends</dt>
            <dd>
              <PortalDate at={sub.trialEnd} />
            </dd>
          </>
        ) : null}
        {sub.cancelAtPeriodEnd ? (
          <>
            <dt className="font-medium text-slate-800">Ends</dt>
            <dd data-testid="portal-cancels">
              Cancels on <PortalDate at={sub.currentPeriodEnd} />; you will not be charged again.
            </dd>
          </>
        ) : sub.next ? (
          <>
            <dt className="font-medium text-slate-800">Next payment</dt>
            <dd data-testid="portal-next">
              {formatMoney(sub.next.amountDue, sub.currency)} on <PortalDate at={sub.next.at} />
            </dd>
          </>
        ) : null}
      </dl>
      {actions}
    </article>
  );
}

export function InvoiceTable({ invoices }: { invoices: PortalInvoice[] }) {
  if (invoices.length === 0) return <p className="text-sm text-slate-700">No invoices yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="portal-invoices">
        <caption className="sr-only">Your invoices, newest first</caption>
        <thead className="text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Date
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Number
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              Amount
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Status
            </th>
            <th scope="col" className="py-2 font-semibold">
              <span className="sr-only">Invoice page</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 text-slate-800">
          {invoices.map((i) => (
            <tr key={i.hostedUrl}>
              <td className="py-2 pr-3 whitespace-nowrap">
                <PortalDate at={i.date} />
              </td>
              <td className="py-2 pr-3 font-mono text-xs">{i.number ?? "—"}</td>
              <td className="py-2 pr-3 text-right whitespace-nowrap">{formatMoney(i.total, i.currency)}</td>
              <td className="py-2 pr-3">
                <StatusBadge status={i.status} />
              </td>
              <td className="py-2 text-right">
                <a className="font-medium text-brand-700 underline" href={i.hostedUrl}>
                  View<span className="sr-only"> invoice {i.number ?? ""}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
