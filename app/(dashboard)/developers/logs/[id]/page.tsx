import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { getRequestLog } from "@/lib/request-logs/get-request-log";
import { statusTone } from "@/lib/request-logs/status-tone";
import { can } from "@/lib/service/roles";
import { ID_PREFIXES } from "@/lib/ids";

export const metadata = { title: "Request" };

/** Pretty JSON when the stored text is JSON (a cut body is shown as it is). */
function pretty(text: string | null): string {
  if (text === null) return "(no body)";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Where an id the request touched is shown in the dashboard, when it has a page there. */
function objectHref(id: string, canEvents: boolean): string | null {
  const prefix = id.slice(0, id.indexOf("_"));
  if (prefix === ID_PREFIXES.payment) return `/payments/${id}`;
  if (prefix === ID_PREFIXES.customer) return `/customers/${id}`;
  if (prefix === ID_PREFIXES.payout) return `/payouts/${id}`;
  if (prefix === ID_PREFIXES.event && canEvents) return `/developers/events/${id}`;
  return `/developers/logs?object=${id}`;
}

function Body({ title, text, truncated, testId }: { title: string; text: string | null; truncated: boolean; testId: string }) {
  return (
    <Card title={title}>
      {truncated ? <p className="mb-2 text-xs text-amber-800">Cut at 16 KB.</p> : null}
      <pre
        data-testid={testId}
        tabIndex={0}
        role="region"
        aria-label={title}
        className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
      >
        {pretty(text)}
      </pre>
    </Card>
  );
}

export default async function RequestLogPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("request_logs:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let log: Awaited<ReturnType<typeof getRequestLog>>;
  try {
    log = await getRequestLog({ ctx, id });
  } catch (error) {
    // Another merchant's (or the other mode's) log is simply not there.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const mono = (v: string) => <span className="font-mono">{v}</span>;
  const facts: [string, React.ReactNode][] = [
    ["Request id", mono(log.id)],
    ["Time", log.created.toISOString()],
    ["Route", mono(log.route)],
    ["API key", mono(log.apiKeyPrefix ?? "—")],
    ["Idempotency-Key", mono(log.idempotencyKey ?? "—")],
    ["Latency", `${log.latencyMs} ms`],
    ["IP address", log.ip ?? "—"],
    ["User agent", log.userAgent ?? "—"],
  ];
  const canEvents = can(member.role, "events:read");
  return (
    <>
      <PageHeader
        title={`${log.method} ${log.path}`}
        description={log.id}
        actions={
          <Link href="/developers/logs" className="text-sm text-brand-700 hover:underline">
            All logs
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Summary">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-600">Status</dt>
            <dd>
              <Badge tone={statusTone(log.status)}>{log.status}</Badge>
            </dd>
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
            <dt className="text-slate-600">Objects</dt>
            <dd data-testid="log-objects">
              {log.objectIds.length === 0
                ? "—"
                : log.objectIds.map((o) => (
                    <Link key={o} href={objectHref(o, canEvents) ?? "#"} className="mr-3 font-mono text-brand-700 hover:underline">
                      {o}
                    </Link>
                  ))}
            </dd>
          </dl>
        </Card>
        <Body title="Request body" text={log.requestBody} truncated={log.requestBodyTruncated} testId="log-request-body" />
        <Body title="Response body" text={log.responseBody} truncated={log.responseBodyTruncated} testId="log-response-body" />
      </div>
    </>
  );
}
