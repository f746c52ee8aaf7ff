import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/dashboard/events-table";
import { Time } from "@/components/ui/time";
import { listAudit } from "@/lib/audit/list-audit";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember("audit:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const input = Object.fromEntries(
    Object.entries({ starting_after: sp.starting_after, ending_before: sp.ending_before, limit: "50" }).filter(([, v]) => v !== undefined),
  );
  let list: Awaited<ReturnType<typeof listAudit>> | null = null;
  let error: string | null = null;
  try {
    list = await listAudit({ ctx, input, url: "/settings/audit" });
  } catch (e) {
    if (!(e instanceof KassaError)) throw e;
    error = e.message;
  }
  return (
    <>
      <PageHeader title="Audit log" description="Every sign-in, key and team change on this account, newest first." />
      <Card>
        {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
        {list ? (
          <>
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr><th className="py-2 font-medium">When</th><th className="py-2 font-medium">Action</th><th className="py-2 font-medium">Actor</th><th className="py-2 font-medium">Target</th><th className="py-2 font-medium">IP</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.map((r) => (
                  <tr key={r.id} className="align-top">
                    <td className="py-2 whitespace-nowrap text-slate-600"><Time seconds={r.created} /></td>
                    <td className="py-2 font-medium text-slate-800">{r.action}</td>
                    <td className="py-2 text-slate-600">{r.actor.label ?? r.actor.id} <span className="text-xs text-slate-500">({r.actor.type})</span></td>
                    <td className="py-2 font-mono text-xs text-slate-500">{r.target?.id ?? "—"}</td>
                    <td className="py-2 text-xs text-slate-500">{r.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager base="/settings/audit" data={list.data} hasMore={list.has_more} backwards={Boolean(sp.ending_before)} />
          </>
        ) : null}
      </Card>
    </>
  );
}
