import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/dashboard/events-table";
import { type Column, Table } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { listRequestLogs, type RequestLogView } from "@/lib/request-logs/list-request-logs";
import { statusTone } from "@/lib/request-logs/status-tone";

export const metadata = { title: "Logs" };

const FILTERS = ["status", "method", "path", "api_key", "object", "from", "to"] as const;
const STATUSES = ["2xx", "4xx", "5xx"];
const METHODS = ["GET", "POST", "DELETE"];
const INPUT = "rounded-md px-2 py-1 text-sm ring-1 ring-slate-300";

const columns: Column<RequestLogView>[] = [
  { id: "status", header: "Status", width: "w-20", cell: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge> },
  { id: "method", header: "Method", width: "w-20", className: "font-mono text-xs", cell: (r) => r.method },
  {
    id: "path",
    header: "Path",
    className: "font-mono text-xs",
    cell: (r) => r.path,
    href: (r) => `/developers/logs/${r.id}`,
    linkLabel: (r) => `${r.method} ${r.path} (${r.status})`,
  },
  { id: "key", header: "API key", className: "font-mono text-xs text-slate-500", cell: (r) => r.apiKeyPrefix ?? "—" },
  { id: "latency", header: "Latency", numeric: true, className: "text-slate-500", cell: (r) => `${r.latencyMs} ms` },
  { id: "time", header: "Time", align: "right", className: "text-slate-500", cell: (r) => r.created.toISOString().replace("T", " ").slice(0, 19) },
];

export default async function LogsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember("request_logs:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const filters = Object.fromEntries(FILTERS.filter((f) => sp[f]).map((f) => [f, sp[f]!])) as Record<string, string>;
  let error: string | null = null;
  let list: Awaited<ReturnType<typeof listRequestLogs>> = { object: "list", data: [], has_more: false, url: "" };
  try {
    list = await listRequestLogs({ ctx, input: { ...filters, limit: "25", starting_after: sp.starting_after, ending_before: sp.ending_before } });
  } catch (e) {
    if (!(e instanceof KassaError)) throw e;
    error = e.message;
  }
  const keys = await listApiKeys({ ctx, livemode: ctx.livemode });
  const query = new URLSearchParams(filters).toString();
  const base = query ? `/developers/logs?${query}` : "/developers/logs";
  return (
    <>
      <PageHeader
        title="Logs"
        description={`Every API request made with your ${member.livemode ? "live" : "test"} keys in the last 30 days, bodies redacted.`}
      />
      <Card>
        <form className="mb-4 flex flex-wrap items-end gap-2" action="/developers/logs" aria-label="Filter logs">
          <label className="text-xs text-slate-600">
            Status
            <select name="status" defaultValue={sp.status ?? ""} className={`ml-1 ${INPUT}`}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
              {sp.status && !STATUSES.includes(sp.status) ? <option value={sp.status}>{sp.status}</option> : null}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            Method
            <select name="method" defaultValue={sp.method ?? ""} className={`ml-1 ${INPUT}`}>
              <option value="">Any</option>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            Path
            <input name="path" defaultValue={sp.path ?? ""} placeholder="/api/v1/payments" className={`ml-1 w-48 ${INPUT}`} />
          </label>
          <label className="text-xs text-slate-600">
            API key
            <select name="api_key" defaultValue={sp.api_key ?? ""} className={`ml-1 ${INPUT}`}>
              <option value="">Any</option>
              {keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name} ({k.redacted})
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-slate-600">
            From
            <input type="date" name="from" defaultValue={sp.from ?? ""} className={`ml-1 ${INPUT}`} />
          </label>
          <label className="text-xs text-slate-600">
            To
            <input type="date" name="to" defaultValue={sp.to ?? ""} className={`ml-1 ${INPUT}`} />
          </label>
          {sp.object ? <input type="hidden" name="object" value={sp.object} /> : null}
          <button className="rounded-md px-3 py-1 text-sm text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50" type="submit">
            Filter
          </button>
        </form>
        {sp.object ? (
          <p className="mb-3 text-sm text-slate-600">
            Requests that touched <span className="font-mono">{sp.object}</span>
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <Table caption="Request logs" columns={columns} rows={list.data} rowKey={(r) => r.id} empty="No requests match." />
        <Pager base={base} data={list.data} hasMore={list.has_more} backwards={Boolean(sp.ending_before)} />
      </Card>
    </>
  );
}
