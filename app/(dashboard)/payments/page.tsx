import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { ExportButton } from "@/components/dashboard/export-button";
import { PaymentsTable } from "@/components/dashboard/payments-table";
import { PAYMENT_STATUSES, UPI_FLOWS, UPI_STATUSES } from "@/db/schema";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { FILTER_KEYS } from "@/lib/payments/dashboard-filters";
import { searchPayments } from "@/lib/payments/search-payments";

export const metadata = { title: "Payments" };

const QUICK = ["all", "succeeded", "requires_capture", "requires_payment_method", "processing", "canceled"] as const;
const BRANDS = ["visa", "mastercard", "amex", "discover", "jcb", "unionpay", "diners"];
const CURRENCIES = ["usd", "eur", "gbp", "inr", "jpy"];
const input = "block w-full rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  // The URL is the view: every filter lives in it, so a link to this page shares the same rows.
  const filters: Record<string, string> = Object.fromEntries(FILTER_KEYS.flatMap((k) => (one(k) ? [[k, one(k)]] : [])));
  const query = new URLSearchParams(filters).toString();
  const href = (extra: Record<string, string | null>) => {
    const next = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra))
      if (v === null) next.delete(k);
      else next.set(k, v);
    return `/payments${next.size ? `?${next}` : ""}`;
  };
  let list: Awaited<ReturnType<typeof searchPayments>> | null = null;
  let problem: string | null = null;
  try {
    list = await searchPayments({ ctx, input: { ...filters, ...(one("cursor") ? { cursor: one("cursor") } : {}) } });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    problem = `${error.message}${error.param ? ` (${error.param})` : ""}`;
  }
  const filtered = Object.keys(filters).length > 0;
  const status = filters.status ?? "all";
  return (
    <>
      <PageHeader title="Payments" description={`Newest first, ${ctx.livemode ? "live" : "test"} mode.`} actions={<ExportButton query={query} />} />
      <Card
        actions={
          <nav className="flex flex-wrap gap-1 text-sm" aria-label="Filter by status">
            {QUICK.map((s) => (
              <Link
                key={s}
                href={href({ status: s === "all" ? null : s })}
                prefetch={false}
                aria-current={status === s ? "page" : undefined}
                className={`rounded px-2 py-1 ${status === s ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {s.replaceAll("_", " ")}
              </Link>
            ))}
          </nav>
        }
      >
        <form
          method="get"
          action="/payments"
          className="mb-4 grid gap-3 text-sm sm:grid-cols-4 lg:grid-cols-8"
          aria-label="Filter payments"
          data-testid="payment-filters"
        >
          <div className="sm:col-span-2 lg:col-span-2">
            <label htmlFor="f-q">Search</label>
            <input id="f-q" name="q" defaultValue={filters.q} placeholder="id, email, last 4, amount" className={input} />
          </div>
          <div>
            <label htmlFor="f-status">Status</label>
            <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={input}>
              <option value="">any</option>
              {PAYMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-from">From</label>
            <input id="f-from" type="date" name="from" defaultValue={filters.from} className={input} />
          </div>
          <div>
            <label htmlFor="f-to">To</label>
            <input id="f-to" type="date" name="to" defaultValue={filters.to} className={input} />
          </div>
          <div>
            <label htmlFor="f-min">Min amount</label>
            <input id="f-min" name="amount_min" inputMode="decimal" defaultValue={filters.amount_min} className={input} />
          </div>
          <div>
            <label htmlFor="f-max">Max amount</label>
            <input id="f-max" name="amount_max" inputMode="decimal" defaultValue={filters.amount_max} className={input} />
          </div>
          <div>
            <label htmlFor="f-method">Method</label>
            <select id="f-method" name="method" defaultValue={filters.method ?? ""} className={input}>
              <option value="">any</option>
              <option value="card">card</option>
              <option value="upi">UPI</option>
            </select>
          </div>
          <div>
            <label htmlFor="f-upi-flow">UPI flow</label>
            <select id="f-upi-flow" name="upi_flow" defaultValue={filters.upi_flow ?? ""} className={input}>
              <option value="">any</option>
              {UPI_FLOWS.map((f) => (
                <option key={f} value={f}>
                  {f === "qr" ? "QR" : f}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-upi-status">UPI status</label>
            <select id="f-upi-status" name="upi_status" defaultValue={filters.upi_status ?? ""} className={input}>
              <option value="">any</option>
              {UPI_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-brand">Card brand</label>
            <select id="f-brand" name="brand" defaultValue={filters.brand ?? ""} className={input}>
              <option value="">any</option>
              {[...new Set([...BRANDS, ...(filters.brand ? [filters.brand] : [])])].map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-currency">Currency</label>
            <select id="f-currency" name="currency" defaultValue={filters.currency ?? ""} className={input}>
              <option value="">any</option>
              {[...new Set([...CURRENCIES, ...(filters.currency ? [filters.currency] : [])])].map((c) => (
                <option key={c} value={c}>
                  {c.toUpperCase()}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              Apply filters
            </button>
            {filtered ? (
              <Link href="/payments" className="px-2 py-1.5 text-brand-700 hover:underline">
                Clear
              </Link>
            ) : null}
          </div>
        </form>
        {problem ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            These filters cannot be used: {problem}.{" "}
            <Link className="underline" href="/payments">
              Show all payments
            </Link>
          </p>
        ) : list!.data.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="payments-empty">
            {filtered
              ? "No payments match these filters. Widen the dates or clear a filter."
              : `No payments in ${ctx.livemode ? "live" : "test"} mode yet. Create one with POST /api/v1/payments.`}
          </p>
        ) : (
          <PaymentsTable data={list!.data} />
        )}
        <div className="mt-3 flex gap-4 text-sm">
          {one("cursor") ? (
            <Link className="text-brand-700 hover:underline" href={href({})}>
              Newest payments
            </Link>
          ) : null}
          {list?.has_more ? (
            <Link className="text-brand-700 hover:underline" href={href({ cursor: list.next_cursor })}>
              Older payments
            </Link>
          ) : null}
        </div>
      </Card>
    </>
  );
}
