import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/dashboard/events-table";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listAudit } from "@/lib/audit/list-audit";
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
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        {list ? (
          <>
            <Table
              caption="Audit log, newest first"
              testId="audit-table"
              rowAlign="top"
              rows={list.data}
              rowKey={(r) => r.id}
              empty="Nothing recorded on this page."
              columns={[
                { id: "when", header: "When", className: "whitespace-nowrap text-slate-600", cell: (r) => <Time seconds={r.created} /> },
                { id: "action", header: "Action", className: "font-medium text-slate-800", cell: (r) => r.action },
                {
                  id: "actor",
                  header: "Actor",
                  className: "text-slate-600",
                  cell: (r) => (
                    <>
                      {r.actor.label ?? r.actor.id} <span className="text-xs text-slate-500">({r.actor.type})</span>
                    </>
                  ),
                },
                { id: "target", header: "Target", className: "font-mono text-xs text-slate-500", cell: (r) => r.target?.id ?? "—" },
                { id: "ip", header: "IP", className: "text-xs text-slate-500", cell: (r) => r.ip ?? "—" },
              ]}
            />
            <Pager base="/settings/audit" data={list.data} hasMore={list.has_more} backwards={Boolean(sp.ending_before)} />
          </>
        ) : null}
      </Card>
    </>
  );
}
