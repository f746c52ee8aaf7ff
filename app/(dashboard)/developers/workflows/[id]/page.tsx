import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { RunStatus } from "@/components/dashboard/run-status";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { RerunButton } from "@/components/dashboard/rerun-button";
import { WorkflowCancelButton } from "@/components/dashboard/workflow-cancel-button";
import { can } from "@/lib/service/roles";
import { KassaError } from "@/lib/service/errors";
import { getWorkflowRun } from "@/lib/workflows/list-runs";

export const metadata = { title: "Workflow run" };

export default async function WorkflowRunPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("workflows:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let run: Awaited<ReturnType<typeof getWorkflowRun>>;
  try {
    run = await getWorkflowRun({ ctx, id });
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  return (
    <>
      <PageHeader
        title={run.function}
        description={run.id}
        actions={
          <div className="flex items-center gap-4">
            <Link href="/developers/workflows" className="text-sm text-brand-600 hover:underline">
              All runs
            </Link>
            {run.url ? (
              <a href={run.url} target="_blank" rel="noreferrer" className="text-sm text-brand-600 hover:underline">
                Open in Inngest
              </a>
            ) : null}
            {can(member.role, "workflows:write") && run.status === "running" ? <WorkflowCancelButton runId={run.id} /> : null}
            {can(member.role, "workflows:write") ? <RerunButton runId={run.id} disabled={run.status === "running"} /> : null}
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Run">
          <dl className="grid gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <RunStatus status={run.status} />
              </dd>
            </div>
            <div className="sm:col-span-4">
              <dt className="text-slate-500">Triggered by</dt>
              <dd className="font-mono text-xs" data-testid="run-trigger">
                {run.trigger ? `${run.trigger.event}${run.trigger.object ? ` · ${run.trigger.object}` : ""}` : "a schedule"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Attempts (most for one step)</dt>
              <dd>{run.attempts ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Started</dt>
              <dd>
                <Time seconds={run.started} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Ended</dt>
              <dd>
                <Time seconds={run.ended} />
              </dd>
            </div>
          </dl>
          {run.error ? (
            <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
              {run.error}
            </p>
          ) : null}
        </Card>
        <Card title={run.steps ? `Steps (${run.steps.length})` : "Steps"}>
          {!run.steps ? (
            <p className="text-sm text-slate-500">
              Inngest keeps this run&apos;s steps
              {run.url ? (
                <>
                  {" "}
                  —{" "}
                  <a href={run.url} target="_blank" rel="noreferrer" className="text-brand-600 hover:underline">
                    see them on its dashboard
                  </a>
                </>
              ) : null}
              .
            </p>
          ) : run.steps.length === 0 ? (
            <p className="text-sm text-slate-500">No step has finished yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100 text-sm" data-testid="steps">
              {run.steps.map((s) => (
                <li key={s.id} className="py-2">
                  <details>
                    <summary className="flex cursor-pointer justify-between gap-4">
                      <span className="font-medium text-slate-800">{s.name ?? s.op}</span>
                      <span className="text-slate-500">
                        {s.op} · {s.attempts} attempt{s.attempts === 1 ? "" : "s"} · <Time seconds={s.completed} />
                      </span>
                    </summary>
                    <pre className="mt-2 max-h-72 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(s.result, null, 2)}</pre>
                  </details>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
