import { Table } from "@/components/ui/table";
import type { BreakerHistoryEntry } from "@/lib/connector-health/health-snapshot";
import { BreakerStateBadge, REASON_LABEL } from "./breaker-state";
import { UtcTime } from "./format";

/** The mode's latest breaker transitions, newest first: when, which connector, from → to, why, and the failures in a row it saw. */
export function BreakerHistory({ history, mode }: { history: BreakerHistoryEntry[]; mode: string }) {
  return (
    <Table
      caption="Circuit breaker changes, newest first"
      testId="breaker-history"
      rows={history}
      rowKey={(e) => e.id}
      rowData={(e) => ({ "data-connector": e.connector })}
      empty={
        <p className="text-sm text-slate-600" data-testid="no-history">
          No breaker has changed state in {mode} mode yet.
        </p>
      }
      scroll
      columns={[
        { id: "time", header: "Time", className: "whitespace-nowrap text-slate-700", cell: (e) => <UtcTime at={e.at} /> },
        { id: "connector", header: "Connector", className: "font-mono", cell: (e) => e.connector },
        {
          id: "change",
          header: "Change",
          className: "whitespace-nowrap",
          cell: (e) => (
            <span className="inline-flex items-center gap-1">
              <BreakerStateBadge state={e.from} />
              <span aria-hidden="true">→</span>
              <span className="sr-only">to</span>
              <BreakerStateBadge state={e.to} />
            </span>
          ),
        },
        { id: "reason", header: "Reason", cell: (e) => REASON_LABEL[e.reason] ?? e.reason },
        { id: "failures", header: "Failures in a row", numeric: true, cell: (e) => e.consecutiveFailures },
      ]}
    />
  );
}
