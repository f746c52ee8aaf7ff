import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { priceLabel } from "@/components/dashboard/price-label";
import { periodAmountLabel, statusWords, subscriptionTone } from "@/components/dashboard/subscription-labels";
import { SUBSCRIPTION_STATUSES } from "@/db/schema";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listPrices } from "@/lib/products/list-prices";
import { KassaError } from "@/lib/service/errors";
import { listSubscriptions } from "@/lib/subscriptions/list-subscriptions";
import { namesFor } from "./names";

export const metadata = { title: "Subscriptions" };

/** The quick filters: Stripe's default (everything but canceled), each status, or all. */
const QUICK = ["current", ...SUBSCRIPTION_STATUSES, "all"] as const;
const control = "block w-full rounded-md border-0 px-2 py-1.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

type Search = { status?: string; customer?: string; price?: string; starting_after?: string; ending_before?: string };

export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember("subscriptions:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const status = (QUICK as readonly string[]).includes(sp.status ?? "") ? sp.status! : "current";
  // The URL is the view: filters live in it, so a link shares the same rows.
  const filters: Record<string, string> = {
    ...(status !== "current" ? { status } : {}),
    ...(sp.customer?.trim() ? { customer: sp.customer.trim() } : {}),
    ...(sp.price?.trim() ? { price: sp.price.trim() } : {}),
  };
  const href = (extra: Record<string, string | null>) => {
    const next = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra))
      if (v === null) next.delete(k);
      else next.set(k, v);
    return `/subscriptions${next.size ? `?${next}` : ""}`;
  };
  const cursor = sp.starting_after ? { starting_after: sp.starting_after } : sp.ending_before ? { ending_before: sp.ending_before } : {};
  let list: Awaited<ReturnType<typeof listSubscriptions>> | null = null;
  let problem: string | null = null;
  try {
    list = await listSubscriptions({ ctx, input: { limit: "25", ...filters, ...cursor }, url: "/subscriptions" });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    problem = `${error.message}${error.param ? ` (${error.param})` : ""}`;
  }
  const [prices, names] = await Promise.all([
    listPrices({ ctx, input: { type: "recurring", limit: "100" }, url: "/subscriptions" }),
    namesFor(ctx, {
      customers: list?.data.map((s) => s.customer),
      products: list?.data.flatMap((s) => s.items.data.map((i) => i.price.product)),
      allProducts: true,
    }),
  ]);
  const rows = list?.data ?? [];
  const newer = Boolean(sp.starting_after) || (Boolean(sp.ending_before) && Boolean(list?.has_more));
  const older = sp.ending_before ? true : Boolean(list?.has_more);
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title="Subscriptions"
        description={`Customers billed on a schedule, newest first, ${ctx.livemode ? "live" : "test"} mode.`}
        actions={
          can(member.role, "subscriptions:write") ? (
            <Link href="/subscriptions/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
              New subscription
            </Link>
          ) : null
        }
      />
      <Card
        actions={
          <nav className="flex flex-wrap gap-1 text-sm" aria-label="Filter by status">
            {QUICK.map((s) => (
              <Link
                key={s}
                href={href({ status: s === "current" ? null : s, starting_after: null, ending_before: null })}
                aria-current={status === s ? "page" : undefined}
                className={`rounded px-2 py-1 ${status === s ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {s === "current" ? "not canceled" : statusWords(s)}
              </Link>
            ))}
          </nav>
        }
      >
        <form method="get" action="/subscriptions" className="mb-4 grid gap-3 text-sm sm:grid-cols-4" aria-label="Filter subscriptions">
          {status !== "current" ? <input type="hidden" name="status" value={status} /> : null}
          <div>
            <label htmlFor="f-customer">Customer id</label>
            <input id="f-customer" name="customer" defaultValue={filters.customer} placeholder="cus_…" className={control} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="f-price">Price</label>
            <select id="f-price" name="price" defaultValue={filters.price ?? ""} className={control}>
              <option value="">any</option>
              {prices.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.nickname ?? names.product(p.product)} — ${priceLabel(p)}`}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-end gap-2">
            <button
              type="submit"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500"
            >
              Apply
            </button>
            {filtered ? (
              <Link href="/subscriptions" className="px-2 py-1.5 text-brand-700 hover:underline">
                Clear
              </Link>
            ) : null}
          </div>
        </form>
        {problem ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            These filters cannot be used: {problem}.{" "}
            <Link className="underline" href="/subscriptions">
              Show all subscriptions
            </Link>
          </p>
        ) : (
          <Table
            caption="Subscriptions"
            testId="subscriptions-table"
            rows={rows}
            rowKey={(s) => s.id}
            rowData={(s) => ({ "data-id": s.id })}
            empty={
              <div className="py-10 text-center text-sm" data-testid="subscriptions-empty">
                {filtered ? (
                  <p className="text-slate-600">No subscriptions match these filters.</p>
                ) : (
                  <>
                    <p className="text-base font-semibold text-slate-800">No subscriptions yet</p>
                    <p className="mx-auto mt-1 max-w-md text-slate-500">
                      Subscribe a customer with a saved card to a recurring price: Kassa invoices each period and charges the card.
                    </p>
                    <pre className="mx-auto mt-4 max-w-md whitespace-pre-wrap break-words rounded bg-slate-900 p-3 text-left text-xs text-slate-100">{`POST /api/v1/subscriptions
{ "customer": "cus_…",
  "items": [{ "price": "price_…" }] }`}</pre>
                  </>
                )}
              </div>
            }
            columns={[
              {
                id: "customer",
                header: "Customer",
                className: "font-medium",
                href: (s) => `/subscriptions/${s.id}`,
                linkLabel: (s) => `Subscription of ${names.customer(s.customer).name}`,
                cell: (s) => names.customer(s.customer).name,
                detail: (s) => names.customer(s.customer).email,
              },
              {
                id: "product",
                header: "Product",
                cell: (s) => s.items.data.map((i) => `${i.quantity > 1 ? `${i.quantity} × ` : ""}${names.product(i.price.product)}`).join(", "),
                detail: (s) => s.items.data.map((i) => priceLabel(i.price)).join(", "),
              },
              {
                id: "status",
                header: "Status",
                cell: (s) => <Badge tone={subscriptionTone(s.status)}>{statusWords(s.status)}</Badge>,
                detail: (s) => (s.cancel_at_period_end ? "cancels at period end" : s.status === "trialing" ? "in trial" : null),
              },
              { id: "amount", header: "Amount", numeric: true, cell: (s) => periodAmountLabel(s) },
              {
                id: "period",
                header: "Period ends",
                className: "text-slate-600",
                cell: (s) => (["canceled", "incomplete_expired"].includes(s.status) ? <Time seconds={s.ended_at} /> : <Time seconds={s.current_period_end} />),
              },
              { id: "id", header: "Id", className: "font-mono text-xs text-slate-500", cell: (s) => s.id },
            ]}
          />
        )}
        {rows.length > 0 && (newer || older) ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {newer ? (
              <Link className="text-brand-700 hover:underline" href={href({ ending_before: rows[0]!.id, starting_after: null })}>
                Newer subscriptions
              </Link>
            ) : null}
            {older ? (
              <Link className="text-brand-700 hover:underline" href={href({ starting_after: rows.at(-1)!.id, ending_before: null })}>
                Older subscriptions
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
