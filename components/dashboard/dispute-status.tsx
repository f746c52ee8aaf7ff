import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { DisputeObject } from "@/lib/disputes/serialize";
import { formatMoney } from "@/lib/money";
import { respondBy } from "@/lib/disputes/respond-by";

type DisputeStatus = DisputeObject["status"];

const STATUS_TONE: Record<DisputeStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  warning_needs_response: "amber",
  needs_response: "amber",
  warning_under_review: "blue",
  under_review: "blue",
  won: "green",
  lost: "red",
  warning_closed: "slate",
  prevented: "slate",
};

export const DisputeStatusBadge = ({ status }: { status: DisputeStatus }) => <Badge tone={STATUS_TONE[status]}>{status.replaceAll("_", " ")}</Badge>;

/** "Respond in 3 days 4 h", "Overdue", "Won"… (server-rendered against the request's clock). */
export function DisputeCountdown({ status, dueBy, now }: { status: DisputeStatus; dueBy: number; now: number }) {
  const r = respondBy(status, dueBy, now);
  return (
    <span
      data-testid="dispute-countdown"
      className={`text-sm font-medium ${{ red: "text-red-700", amber: "text-amber-800", green: "text-emerald-700", blue: "text-brand-700", slate: "text-slate-600" }[r.tone]}`}
    >
      {r.label}
    </span>
  );
}

/** For the payment page: "This payment is disputed", the countdown and a link to answer it. */
export function DisputeNotice({ dispute: d, now }: { dispute: DisputeObject; now: number }) {
  return (
    <div role="note" className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200" data-testid="dispute-notice">
      <span>
        {formatMoney(d.amount, d.currency)} disputed ({d.reason.replaceAll("_", " ")})
      </span>
      <DisputeStatusBadge status={d.status} />
      <DisputeCountdown status={d.status} dueBy={d.evidence_details.due_by} now={now} />
      <Link className="ml-auto font-medium text-brand-700 hover:underline" href={`/disputes/${d.id}`}>
        Open the dispute
      </Link>
    </div>
  );
}
