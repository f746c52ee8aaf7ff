import Link from "next/link";
import { notFound } from "next/navigation";
import { DisputeCountdown, DisputeStatusBadge } from "@/components/dashboard/dispute-status";
import { EvidenceForm } from "@/components/dashboard/evidence-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { EVIDENCE_FIELDS } from "@/lib/disputes/evidence-fields";
import { getDisputeView } from "@/lib/disputes/get-dispute-view";
import { respondBy } from "@/lib/disputes/respond-by";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Dispute" };

const when = (seconds: number) => new Date(seconds * 1000).toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function DisputePage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("disputes:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let view: Awaited<ReturnType<typeof getDisputeView>>;
  try {
    view = await getDisputeView({ ctx, id });
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const d = view.dispute;
  const money = (n: number) => formatMoney(n, d.currency);
  const now = Date.now();
  const state = respondBy(d.status, d.evidence_details.due_by, now);
  const won = d.status === "won";
  // Why evidence can no longer be sent, in the service's terms (submit-evidence refuses the same cases).
  const closedReason = state.open
    ? null
    : d.evidence_details.submission_count > 0 && (d.status === "under_review" || d.status === "warning_under_review")
      ? "Evidence was submitted; the card network is reviewing it. It can be sent only once."
      : ["needs_response", "warning_needs_response"].includes(d.status)
        ? `Evidence was due by ${when(d.evidence_details.due_by)}; the card network no longer accepts it.`
        : `This dispute is ${d.status.replaceAll("_", " ")}; evidence can only be sent while it needs a response.`;
  const submitted = EVIDENCE_FIELDS.filter((f) => d.evidence[f.name]);
  return (
    <>
      <PageHeader
        title={`${money(d.amount)} disputed`}
        description={d.id}
        actions={
          <Link href="/disputes" className="text-sm text-brand-700 hover:underline">
            All disputes
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Summary">
          <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="dispute-summary">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <DisputeStatusBadge status={d.status} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Respond by</dt>
              <dd>
                <Time seconds={d.evidence_details.due_by} />
                <span className="block">
                  <DisputeCountdown status={d.status} dueBy={d.evidence_details.due_by} now={now} />
                </span>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Reason</dt>
              <dd>{d.reason.replaceAll("_", " ")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Payment</dt>
              <dd className="font-mono text-xs">
                <Link className="text-brand-700 hover:underline" href={`/payments/${d.payment}`}>
                  {d.payment}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Amount</dt>
              <dd>{money(d.amount)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Dispute fee</dt>
              <dd>{money(d.fee)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Opened</dt>
              <dd>
                <Time seconds={d.created} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Evidence</dt>
              <dd>{d.evidence_details.submission_count > 0 ? "submitted" : "not sent"}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Effect on your balance">
          <p className="text-sm text-slate-700" data-testid="dispute-effect">
            When the dispute opened, {money(d.amount)} and the {money(d.fee)} dispute fee ({money(d.amount + d.fee)} in all) were withdrawn from your balance.{" "}
            {won
              ? `The dispute was won: ${money(d.amount)} was credited back; the fee is not returned.`
              : d.status === "lost"
                ? "The dispute was lost: the money stays withdrawn."
                : `If you win, ${money(d.amount)} is credited back; the fee is not returned.`}
          </p>
          <Table
            caption="Ledger lines of this dispute"
            testId="dispute-ledger"
            className="mt-3"
            density="compact"
            rows={view.ledger}
            rowKey={(l, i) => `${l.entry}-${i}`}
            empty={null}
            columns={[
              { id: "entry", header: "Entry", className: "text-slate-600", cell: (l) => l.type.replaceAll("_", " ") },
              { id: "account", header: "Account", className: "font-mono text-xs", cell: (l) => l.account },
              { id: "debit", header: "Debit", numeric: true, cell: (l) => (l.amount > 0 ? money(l.amount) : "") },
              { id: "credit", header: "Credit", numeric: true, cell: (l) => (l.amount < 0 ? money(-l.amount) : "") },
            ]}
          />
        </Card>
        <Card title="Evidence">
          {can(member.role, "disputes:write") ? (
            <EvidenceForm id={d.id} evidence={d.evidence as Record<string, string>} closedReason={closedReason} />
          ) : submitted.length ? (
            <dl className="space-y-3 text-sm" data-testid="evidence-read-only">
              {submitted.map((f) => (
                <div key={f.name}>
                  <dt className="text-slate-500">{f.label}</dt>
                  <dd className="whitespace-pre-wrap">{d.evidence[f.name]}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-500" data-testid="evidence-read-only">
              No evidence sent yet. Owners, admins and support can answer disputes.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
