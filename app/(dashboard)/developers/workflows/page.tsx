import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { RunStatus } from "@/components/dashboard/run-status";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listWorkflowRuns } from "@/lib/workflows/list-runs";

export const metadata = { title: "Workflows" };

const FILTERS = ["all", "running", "failed", "completed"] as const;

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const member = await requireMember("workflows:read");
  const ctx = await memberContext(member);
  const { status } = await searchParams;
  const filter = FILTERS.find((f) => f === status && f !== "all");
  const runs = await listWorkflowRuns({ ctx, status: filter });
  return (
    <>
      <PageHeader
        title="Workflows"
        description="Background runs for your account (event deliveries, retries, polling), newest first: what ran, how often it was tried and why it failed."
      />
      <Card
        actions={
          <nav className="flex gap-1 text-sm" aria-label="Filter runs">
            {FILTERS.map((f) => (
              <Link
                key={f}
                href={f === "all" ? "/developers/workflows" : `/developers/workflows?status=${f}`}
                aria-current={(filter ?? "all") === f ? "page" : undefined}
                className={`rounded px-2 py-1 capitalize ${(filter ?? "all") === f ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {f}
              </Link>
            ))}
          </nav>
        }
      >
        <Table
          caption="Workflow runs"
          testId="runs-table"
          rowAlign="top"
          rows={runs}
          rowKey={(r) => r.id}
          empty={`No runs${filter ? ` with status ${filter}` : ""} yet.`}
          columns={[
            {
              id: "function",
              header: "Function",
              className: "font-medium",
              href: (r) => `/developers/workflows/${r.id}`,
              cell: (r) => r.function,
              detail: (r) => <span className="font-mono">{r.id}</span>,
            },
            {
              id: "trigger",
              header: "Triggered by",
              className: "text-slate-600",
              cell: (r) =>
                r.trigger ? (
                  <span className="font-mono text-xs">{r.trigger.event.replace(/^kassa\//, "")}</span>
                ) : (
                  <span className="text-xs text-slate-500">schedule</span>
                ),
              detail: (r) => (r.trigger?.object ? <span className="font-mono">{r.trigger.object}</span> : null),
            },
            { id: "status", header: "Status", cell: (r) => <RunStatus status={r.status} /> },
            { id: "attempts", header: "Attempts", numeric: true, align: "left", className: "text-slate-600", cell: (r) => r.attempts },
            { id: "started", header: "Started", className: "text-slate-600", cell: (r) => <Time seconds={r.started} /> },
            { id: "error", header: "Error", className: "max-w-xs truncate text-red-700", title: (r) => r.error ?? undefined, cell: (r) => r.error ?? "" },
          ]}
        />
      </Card>
    </>
  );
}
