import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { InvoiceActions } from "@/components/dashboard/subscriptions";
import { invoiceTone } from "@/components/dashboard/subscription-labels";
import { INVOICE_STATUSES } from "@/db/schema";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { formatMoney } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { namesFor } from "../subscriptions/names";

export const metadata = { title: "Invoices" };

const QUICK = ["all", ...INVOICE_STATUSES] as const;

type Search = { status?: string; customer?: string; subscription?: string; starting_after?: string; ending_before?: string };

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember("invoices:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const status = (INVOICE_STATUSES as readonly string[]).includes(sp.status ?? "") ? sp.status! : "all";
  const filters: Record<string, string> = {
    ...(status !== "all" ? { status } : {}),
    ...(sp.customer ? { customer: sp.customer } : {}),
    ...(sp.subscription ? { subscription: sp.subscription } : {}),
  };
  const href = (extra: Record<string, string | null>) => {
    const next = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra))
      if (v === null) next.delete(k);
      else next.set(k, v);
    return `/invoices${next.size ? `?${next}` : ""}`;
  };
  const cursor = sp.starting_after ? { starting_after: sp.starting_after } : sp.ending_before ? { ending_before: sp.ending_before } : {};
  let list: Awaited<ReturnType<typeof listInvoices>> | null = null;
  let problem: string | null = null;
  try {
    list = await listInvoices({ ctx, input: { limit: "25", ...filters, ...cursor }, url: "/invoices" });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    problem = `${error.message}${error.param ? ` (${error.param})` : ""}`;
  }
  const rows = list?.data ?? [];
  const names = await namesFor(ctx, { customers: rows.map((i) => i.customer) });
  const writable = can(member.role, "invoices:write");
  const newer = Boolean(sp.starting_after) || (Boolean(sp.ending_before) && Boolean(list?.has_more));
  const older = sp.ending_before ? true : Boolean(list?.has_more);
  return (
    <>
      <PageHeader
        title="Invoices"
        description={`What customers owe for their subscriptions, newest first, ${ctx.livemode ? "live" : "test"} mode.${sp.subscription ? ` Subscription ${sp.subscription} only.` : ""}${sp.customer ? ` Customer ${sp.customer} only.` : ""}`}
        actions={
          sp.subscription || sp.customer ? (
            <Link href="/invoices" className="text-sm text-brand-700 hover:underline">
              All invoices
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
                href={href({ status: s === "all" ? null : s, starting_after: null, ending_before: null })}
                aria-current={status === s ? "page" : undefined}
                className={`rounded px-2 py-1 ${status === s ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {s}
              </Link>
            ))}
          </nav>
        }
      >
        {problem ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            These filters cannot be used: {problem}.{" "}
            <Link className="underline" href="/invoices">
              Show all invoices
            </Link>
          </p>
        ) : (
          <Table
            caption="Invoices"
            testId="invoices-table"
            rows={rows}
            rowKey={(i) => i.id}
            rowData={(i) => ({ "data-id": i.id })}
            empty={
              <p className="py-8 text-center text-sm text-slate-600" data-testid="invoices-empty">
                {Object.keys(filters).length ? "No invoices match this filter." : "No invoices yet: each subscription period makes one."}
              </p>
            }
            columns={[
              {
                id: "number",
                header: "Number",
                className: "font-medium",
                href: (i) => i.hosted_invoice_url,
                linkLabel: (i) => `Invoice ${i.number ?? i.id}, hosted page`,
                cell: (i) => i.number ?? "draft",
                detail: (i) => i.id,
              },
              {
                id: "customer",
                header: "Customer",
                href: (i) => `/customers/${i.customer}`,
                cell: (i) => names.customer(i.customer).name,
              },
              {
                id: "status",
                header: "Status",
                cell: (i) => <Badge tone={invoiceTone(i.status)}>{i.status}</Badge>,
                detail: (i) => (i.status === "open" && i.attempt_count > 0 ? `${i.attempt_count} ${i.attempt_count === 1 ? "try" : "tries"} failed` : null),
              },
              { id: "due", header: "Amount due", numeric: true, cell: (i) => formatMoney(i.amount_due, i.currency) },
              { id: "paid", header: "Paid", numeric: true, cell: (i) => formatMoney(i.amount_paid, i.currency) },
              { id: "created", header: "Created", className: "text-slate-600", cell: (i) => <Time seconds={i.created} /> },
              {
                id: "subscription",
                header: "Subscription",
                className: "font-mono text-xs",
                href: (i) => (i.subscription ? `/subscriptions/${i.subscription}` : null),
                cell: (i) => i.subscription ?? "—",
              },
              {
                id: "actions",
                header: "Actions",
                headerHidden: true,
                align: "right",
                hidden: !writable,
                cell: (i) => (i.status === "open" ? <InvoiceActions id={i.id} number={i.number ?? i.id} subscription={i.subscription} /> : null),
              },
            ]}
          />
        )}
        {rows.length > 0 && (newer || older) ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {newer ? (
              <Link className="text-brand-700 hover:underline" href={href({ ending_before: rows[0]!.id, starting_after: null })}>
                Newer invoices
              </Link>
            ) : null}
            {older ? (
              <Link className="text-brand-700 hover:underline" href={href({ starting_after: rows.at(-1)!.id, ending_before: null })}>
                Older invoices
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
