import Link from "next/link";
import { notFound } from "next/navigation";
import { DisputeCountdown, DisputeStatusBadge } from "@/components/dashboard/dispute-status";
import { Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listDisputesByDueDate } from "@/lib/disputes/list-disputes-by-due-date";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Disputes" };

export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ starting_after?: string; ending_before?: string }> }) {
  const member = await requireMember("disputes:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const cursor = sp.starting_after ? { starting_after: sp.starting_after } : sp.ending_before ? { ending_before: sp.ending_before } : {};
  // A cursor from another merchant, or made up, is a page that does not exist.
  const list = await listDisputesByDueDate({ ctx, input: { limit: "25", ...cursor }, url: "/disputes" }).catch((error: unknown) => {
    if (error instanceof KassaError) notFound();
    throw error;
  });
  const now = Date.now();
  const earlier = Boolean(sp.starting_after) || (Boolean(sp.ending_before) && list.has_more);
  const later = sp.ending_before ? true : list.has_more;
  return (
    <>
      <PageHeader title="Disputes" description="The ones to answer first: by respond-by date, then those under review, then closed ones." />
      <Card>
        <Table
          caption="Disputes, the ones to answer first at the top"
          testId="disputes-table"
          rows={list.data}
          rowKey={(d) => d.id}
          rowData={(d) => ({ "data-dispute": d.id })}
          empty={
            <div className="py-10 text-center text-sm" data-testid="disputes-empty">
              <p className="text-base font-semibold text-slate-800">No disputes</p>
              <p className="mx-auto mt-1 max-w-md text-slate-500">
                When a cardholder disputes a payment, it shows here with the date you must answer by.
                {ctx.livemode ? null : " In test mode, pay with pm_card_createDispute to see one."}
              </p>
            </div>
          }
          columns={[
            {
              id: "respond-by",
              header: "Respond by",
              cell: (d) => <DisputeCountdown status={d.status} dueBy={d.evidence_details.due_by} now={now} />,
              detail: (d) => <Time seconds={d.evidence_details.due_by} />,
            },
            { id: "status", header: "Status", cell: (d) => <DisputeStatusBadge status={d.status} /> },
            {
              id: "amount",
              header: "Amount",
              numeric: true,
              align: "left",
              className: "font-medium",
              href: (d) => `/disputes/${d.id}`,
              linkLabel: (d) => `Dispute of ${formatMoney(d.amount, d.currency)} on ${d.payment}`,
              cell: (d) => formatMoney(d.amount, d.currency),
            },
            { id: "reason", header: "Reason", className: "text-slate-600", cell: (d) => d.reason.replaceAll("_", " ") },
            { id: "payment", header: "Payment", className: "font-mono text-xs", href: (d) => `/payments/${d.payment}`, cell: (d) => d.payment },
          ]}
        />
        {list.data.length > 0 && (earlier || later) ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {earlier ? (
              <Link className="text-brand-700 hover:underline" href={`/disputes?ending_before=${list.data[0]!.id}`}>
                Previous page
              </Link>
            ) : null}
            {later ? (
              <Link className="text-brand-700 hover:underline" href={`/disputes?starting_after=${list.data.at(-1)!.id}`}>
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
