import Link from "next/link";
import { headers } from "next/headers";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { EventsTable } from "@/components/dashboard/events-table";
import { Table } from "@/components/ui/table";
import { MetricCard } from "@/components/overview/metric-card";
import { OverviewCharts } from "@/components/overview/overview-charts";
import { RangePicker } from "@/components/overview/range-picker";
import { getAccount } from "@/lib/accounts/get-account";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { listEvents } from "@/lib/events/list-events";
import { formatMoney } from "@/lib/money";
import { publicBaseUrl } from "@/lib/public-url";
import { getMrrOverview, type MrrOverview } from "@/lib/overview/get-mrr-overview";
import { getOverview, type Overview } from "@/lib/overview/get-overview";
import { getUpiOverview } from "@/lib/overview/get-upi-overview";
import { UpiSuccessCard } from "@/components/overview/upi-success";
import { dayCount, PRESETS, presetRange, type Preset } from "@/lib/overview/inputs";

export const metadata = { title: "Home" };

type Search = { range?: string; from?: string; to?: string; currency?: string };

export default async function HomePage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember();
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const custom = sp.from && sp.to ? { from: sp.from, to: sp.to } : null;
  const preset: Preset | null = custom ? null : ((Object.keys(PRESETS) as Preset[]).find((p) => p === sp.range) ?? "30d");
  const range = custom ?? presetRange(preset!);
  const canSeePayments = can(member.role, "payments:read");
  const [account, events, keys, overview] = await Promise.all([
    getAccount({ ctx }),
    listEvents({ ctx, input: { limit: "5" }, url: "/api/v1/events" }),
    can(member.role, "api_keys:read") ? listApiKeys({ ctx, livemode: ctx.livemode }) : Promise.resolve(null),
    canSeePayments
      ? getOverview({ ctx, input: { ...range, ...(sp.currency ? { currency: sp.currency } : {}) } }).catch((error: unknown) => {
          if (error instanceof KassaError) return { error: error.message };
          throw error;
        })
      : Promise.resolve(null),
  ]);
  // Subscription figures over the same range, in the currency the payment figures show.
  const ok = overview && !("error" in overview);
  const [mrr, upi] = await Promise.all([
    ok && can(member.role, "subscriptions:read") ? getMrrOverview({ ctx, input: { ...range, currency: overview.currency } }) : null,
    // UPI success by flow over the same range (UPI is INR only, so it shows whatever currency the figures are in).
    ok ? getUpiOverview({ ctx, input: range }) : null,
  ]);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const baseUrl = publicBaseUrl(`http://${host}`);
  const activeSecret = keys?.find((k) => k.kind === "secret" && k.status !== "revoked" && k.status !== "expired");
  return (
    <>
      <PageHeader
        title={`Welcome${member.name ? `, ${member.name.split(" ")[0]}` : ""}`}
        description={`${account.business_name} · ${ctx.livemode ? "live" : "test"} data`}
      />
      {overview ? (
        <section aria-labelledby="overview-heading" className="mb-8 space-y-5">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="overview-heading" className="text-lg font-semibold text-slate-900">
              Overview <span className="text-sm font-normal text-slate-600">days in UTC</span>
            </h2>
            <RangePicker preset={preset} from={range.from} to={range.to} currency={sp.currency} />
          </div>
          {"error" in overview ? (
            <Alert>That range cannot be shown: {overview.error} Pick a preset or another range.</Alert>
          ) : (
            <>
              <OverviewBody o={overview} preset={preset} />
              {mrr ? <MrrBody m={mrr} preset={preset} /> : null}
              {upi?.flows.length ? <UpiSuccessCard u={upi} /> : null}
            </>
          )}
        </section>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card
            title="Recent events"
            actions={
              <Link href="/developers/events" className="text-sm text-brand-700 hover:underline">
                All events
              </Link>
            }
          >
            <EventsTable events={events.data} empty="Nothing has happened in this mode yet. Changes to your account and payments show up here." />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Account">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-2">
                <dt className="shrink-0 text-slate-600">Account id</dt>
                <dd className="font-mono text-xs">{account.id}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Default currency</dt>
                <dd className="uppercase">{account.default_currency}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Support email</dt>
                <dd>{account.support_email ?? "—"}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Your role</dt>
                <dd className="capitalize">{member.role}</dd>
              </div>
            </dl>
          </Card>
          {keys ? (
            <Card title="Call the API">
              {activeSecret ? (
                <div className="space-y-2 text-sm text-slate-600">
                  <p>
                    With your {ctx.livemode ? "live" : "test"} secret key <span className="font-mono text-xs">{activeSecret.redacted}</span>:
                  </p>
                  <pre
                    tabIndex={0}
                    aria-label="Example request"
                    className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
                  >{`curl ${baseUrl}/api/v1/account \\\n  -H "Authorization: Bearer sk_…"`}</pre>
                </div>
              ) : (
                <p className="text-sm text-slate-600">
                  No {ctx.livemode ? "live" : "test"} secret key yet.{" "}
                  <Link className="text-brand-700 hover:underline" href="/developers/api-keys">
                    Create one
                  </Link>{" "}
                  to call the API.
                </p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function OverviewBody({ o, preset }: { o: Overview; preset: Preset | null }) {
  const money = (n: number) => formatMoney(n, o.currency);
  const days = dayCount(o.range.from, o.range.to);
  const previousLabel = preset === "today" ? "day before" : `previous ${days} days`;
  const list = (extra: Record<string, string>) => `/payments?${new URLSearchParams({ from: o.range.from, to: o.range.to, currency: o.currency, ...extra })}`;
  const refundsHref = `/refunds?${new URLSearchParams({ from: o.range.from, to: o.range.to, currency: o.currency, status: "succeeded" })}`;
  const withCurrency = (currency: string) =>
    `/dashboard?${new URLSearchParams({ ...(preset ? { range: preset } : { from: o.range.from, to: o.range.to }), currency })}`;
  return (
    <>
      {o.currencies.length > 1 ? (
        <nav aria-label="Currency" className="flex flex-wrap gap-1 text-sm">
          <span className="py-1 pr-1 text-slate-600">Figures in</span>
          {o.currencies.map((c) => (
            <Link
              key={c}
              href={withCurrency(c)}
              prefetch={false}
              aria-current={c === o.currency ? "page" : undefined}
              className={`rounded px-2 py-1 uppercase ${c === o.currency ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {c}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="overview" data-currency={o.currency} data-from={o.range.from} data-to={o.range.to}>
        <MetricCard
          testId="metric-gross"
          label="Gross volume"
          value={money(o.gross.value)}
          change={o.gross.change}
          previousLabel={previousLabel}
          href={list({ status: "succeeded" })}
        />
        <MetricCard
          testId="metric-net"
          label="Net volume (after fees and refunds)"
          value={money(o.net.value)}
          change={o.net.change}
          previousLabel={previousLabel}
          href={list({ status: "succeeded" })}
        />
        <MetricCard
          testId="metric-successful"
          label="Successful payments"
          value={o.successful.value.toLocaleString("en-US")}
          change={o.successful.change}
          previousLabel={previousLabel}
          href={list({ status: "succeeded" })}
        />
        <MetricCard
          testId="metric-success-rate"
          label="Success rate"
          value={o.successful.value === 0 && o.successRate.value === 0 ? "—" : `${o.successRate.value}%`}
          change={o.successRate.change}
          previousLabel={previousLabel}
          href={list({})}
        />
        <MetricCard
          testId="metric-refunds"
          label={`Refunds (${o.refundCount.value.toLocaleString("en-US")})`}
          value={money(o.refunds.value)}
          change={o.refunds.change}
          previousLabel={previousLabel}
          href={refundsHref}
          invert
        />
        <MetricCard
          testId="metric-disputes"
          label={`Disputes (${money(o.disputedAmount.value)})`}
          value={o.disputes.value.toLocaleString("en-US")}
          change={o.disputes.change}
          previousLabel={previousLabel}
          href="/disputes"
          invert
        />
        <MetricCard
          testId="metric-new-customers"
          label="New customers"
          value={o.newCustomers.value.toLocaleString("en-US")}
          change={o.newCustomers.change}
          previousLabel={previousLabel}
          href="/customers"
        />
      </div>
      {o.payments.value === 0 ? (
        <Card>
          <p className="text-sm text-slate-600">
            No {o.currency.toUpperCase()} payments between {o.range.from} and {o.range.to}. Pick a longer range, or create a payment with{" "}
            <span className="font-mono text-xs">POST /api/v1/payments</span> and it shows up here at once.
          </p>
        </Card>
      ) : (
        <>
          <Card>
            <OverviewCharts series={o.series} currency={o.currency} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="By payment method">
              <Table
                caption="Successful payments by method"
                testId="by-method"
                density="compact"
                rows={o.byMethod}
                rowKey={(b) => b.brand || "none"}
                empty="No successful payments in this range."
                columns={[
                  {
                    id: "method",
                    header: "Method",
                    className: "capitalize",
                    href: (b) => (b.brand ? list({ status: "succeeded", brand: b.brand }) : null),
                    cell: (b) => b.brand || "no card",
                  },
                  { id: "payments", header: "Payments", numeric: true, cell: (b) => b.count.toLocaleString("en-US") },
                  { id: "volume", header: "Volume", numeric: true, cell: (b) => money(b.gross) },
                ]}
              />
            </Card>
            <Card title="By currency">
              <Table
                caption="Successful payments by currency"
                testId="by-currency"
                density="compact"
                rows={o.byCurrency}
                rowKey={(c) => c.currency}
                columns={[
                  { id: "currency", header: "Currency", className: "uppercase", href: (c) => withCurrency(c.currency), cell: (c) => c.currency },
                  {
                    id: "successful",
                    header: "Successful",
                    numeric: true,
                    href: (c) => `/payments?${new URLSearchParams({ from: o.range.from, to: o.range.to, currency: c.currency, status: "succeeded" })}`,
                    cell: (c) => c.succeeded.toLocaleString("en-US"),
                  },
                  { id: "gross", header: "Gross volume", numeric: true, cell: (c) => formatMoney(c.gross, c.currency) },
                ]}
              />
            </Card>
          </div>
        </>
      )}
    </>
  );
}

/** MRR, new and churned MRR, and subscribers over the range, each against the previous period (lib/billing/mrr.ts). */
function MrrBody({ m, preset }: { m: MrrOverview; preset: Preset | null }) {
  const money = (n: number) => formatMoney(n, m.currency);
  const days = dayCount(m.range.from, m.range.to);
  const previousLabel = preset === "today" ? "day before" : `previous ${days} days`;
  const others = m.currencies.filter((c) => c !== m.currency);
  const withCurrency = (currency: string) =>
    `/dashboard?${new URLSearchParams({ ...(preset ? { range: preset } : { from: m.range.from, to: m.range.to }), currency })}`;
  return (
    <section aria-labelledby="mrr-heading" className="space-y-3">
      <h3 id="mrr-heading" className="text-base font-semibold text-slate-900">
        Subscriptions <span className="text-sm font-normal uppercase text-slate-600">{m.currency}</span>
      </h3>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="mrr-overview" data-currency={m.currency}>
        <MetricCard
          testId="metric-mrr"
          label="MRR at the end of the range"
          value={money(m.mrr.value)}
          change={m.mrr.change}
          previousLabel={previousLabel}
          href="/subscriptions?status=active"
        />
        <MetricCard
          testId="metric-new-mrr"
          label="New MRR"
          value={money(m.newMrr.value)}
          change={m.newMrr.change}
          previousLabel={previousLabel}
          href="/subscriptions"
        />
        <MetricCard
          testId="metric-churned-mrr"
          label="Churned MRR"
          value={money(m.churnedMrr.value)}
          change={m.churnedMrr.change}
          previousLabel={previousLabel}
          href="/subscriptions?status=canceled"
          invert
        />
        <MetricCard
          testId="metric-subscribers"
          label="Active subscribers"
          value={m.subscribers.value.toLocaleString("en-US")}
          change={m.subscribers.change}
          previousLabel={previousLabel}
          href="/subscriptions?status=active"
        />
      </div>
      <p className="text-xs text-slate-600">
        MRR counts active and past-due subscriptions, each price turned into a monthly amount (a yearly price ÷ 12).
        {m.reactivationMrr ? ` Won back in the range: ${money(m.reactivationMrr)}.` : ""}
        {others.length ? (
          <>
            {" "}
            Also billed in{" "}
            {others.map((c, i) => (
              <span key={c}>
                {i > 0 ? ", " : ""}
                <Link className="uppercase text-brand-700 underline" href={withCurrency(c)}>
                  {c}
                </Link>
              </span>
            ))}
            .
          </>
        ) : null}
      </p>
    </section>
  );
}
