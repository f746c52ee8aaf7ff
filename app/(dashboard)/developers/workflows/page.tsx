import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { RunStatus } from "@/components/dashboard/run-status";
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
        {runs.length === 0 ? (
          <p className="text-sm text-slate-500">No runs{filter ? ` with status ${filter}` : ""} yet.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="runs-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 font-medium">Function</th>
                <th className="py-2 font-medium">Triggered by</th>
                <th className="py-2 font-medium">Status</th>
                <th className="py-2 font-medium">Attempts</th>
                <th className="py-2 font-medium">Started</th>
                <th className="py-2 font-medium">Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="py-2">
                    <Link className="font-medium text-brand-700 hover:underline" href={`/developers/workflows/${r.id}`}>{r.function}</Link>
                    <p className="font-mono text-xs text-slate-500">{r.id}</p>
                  </td>
                  <td className="py-2 text-slate-600">
                    {r.trigger ? (
                      <>
                        <span className="font-mono text-xs">{r.trigger.event.replace(/^kassa\//, "")}</span>
                        {r.trigger.object ? <p className="font-mono text-xs text-slate-500">{r.trigger.object}</p> : null}
                      </>
                    ) : (
                      <span className="text-xs text-slate-500">schedule</span>
                    )}
                  </td>
                  <td className="py-2"><RunStatus status={r.status} /></td>
                  <td className="py-2 text-slate-600">{r.attempts}</td>
                  <td className="py-2 text-slate-600"><Time seconds={r.started} /></td>
                  <td className="max-w-xs truncate py-2 text-red-700" title={r.error ?? undefined}>{r.error ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
