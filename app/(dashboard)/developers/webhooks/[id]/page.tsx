import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EditEndpointForm, EndpointActions, ReplayForm, ResendButton } from "@/components/dashboard/webhooks";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata = { title: "Webhook endpoint" };
const FILTERS = ["all", "pending", "succeeded", "failed"] as const;
const TONE = { pending: "amber", succeeded: "green", failed: "red" } as const;

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ status?: string; starting_after?: string; event?: string }>;
}) {
  const member = await requireMember("webhooks:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  const { status, starting_after, event } = await searchParams;
  const filter = FILTERS.find((f) => f === status && f !== "all") as "pending" | "succeeded" | "failed" | undefined;
  let endpoint: Awaited<ReturnType<typeof getWebhookEndpoint>>;
  try {
    endpoint = await getWebhookEndpoint({ ctx, id });
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const log = await listWebhookDeliveries({
    ctx,
    endpointId: id,
    input: { limit: 25, ...(filter ? { status: filter } : {}), ...(starting_after ? { starting_after } : {}), ...(event ? { event } : {}) },
    url: "",
  });
  const writable = can(member.role, "webhooks:write");
  return (
    <>
      <PageHeader
        title={endpoint.url}
        description={endpoint.description ?? endpoint.id}
        actions={
          <Link href="/developers/webhooks" className="text-sm text-brand-600 hover:underline">
            All endpoints
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Endpoint">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Status</dt>
              <dd>
                <Badge tone={endpoint.status === "enabled" ? "green" : "red"}>{endpoint.status}</Badge>
                {endpoint.disabled_reason ? <span className="ml-2 text-xs text-slate-500">({endpoint.disabled_reason})</span> : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Events</dt>
              <dd className="font-mono text-xs">{endpoint.enabled_events.join(", ")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Previous secret signs until</dt>
              <dd>
                <Time seconds={endpoint.previous_secret_expires_at} />
              </dd>
            </div>
          </dl>
          {writable ? (
            <div className="mt-4">
              <EndpointActions id={endpoint.id} enabled={endpoint.status === "enabled"} />
            </div>
          ) : null}
        </Card>
        <Card
          title={event ? `Deliveries of ${event}` : "Deliveries"}
          actions={
            <nav className="flex gap-1 text-sm" aria-label="Filter deliveries">
              {FILTERS.map((f) => (
                <Link
                  key={f}
                  href={f === "all" ? `/developers/webhooks/${id}` : `/developers/webhooks/${id}?status=${f}`}
                  aria-current={(filter ?? "all") === f ? "page" : undefined}
                  className={`rounded px-2 py-1 ${(filter ?? "all") === f ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
                >
                  {f}
                </Link>
              ))}
            </nav>
          }
        >
          {log.data.length === 0 ? (
            <p className="text-sm text-slate-500">
              No deliveries{filter ? ` with status ${filter}` : ""} yet. {writable ? "Send a test event to see one." : ""}
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="deliveries">
              {log.data.map((d) => (
                <li key={d.id} className="py-2">
                  <details>
                    <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-3">
                      <span className="font-mono text-xs">
                        {d.event_type} · {d.event}
                      </span>
                      <span className="flex items-center gap-3 text-slate-600">
                        <Badge tone={TONE[d.status]}>{d.status}</Badge>
                        <span>
                          {d.attempt_count} {d.attempt_count === 1 ? "try" : "tries"}
                        </span>
                        {d.status === "pending" && d.next_attempt ? (
                          <span className="text-xs">
                            next try <Time seconds={d.next_attempt} />
                          </span>
                        ) : null}
                        <Time seconds={d.created} />
                      </span>
                    </summary>
                    <div className="mt-2 space-y-2 pl-2">
                      <p className="font-mono text-xs text-slate-500">webhook-id {d.id}</p>
                      <ol className="space-y-1">
                        {(d.attempts ?? []).map((a) => (
                          <li key={a.number} className="rounded bg-slate-50 p-2 text-xs">
                            <span className="font-medium">#{a.number}</span> · {a.status_code ?? a.error} · {a.latency_ms} ms · <Time seconds={a.created} />
                            {a.response_body ? <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap text-slate-600">{a.response_body}</pre> : null}
                          </li>
                        ))}
                      </ol>
                      {writable && d.status !== "pending" ? <ResendButton delivery={d.id} endpoint={id} /> : null}
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
          {log.has_more ? (
            <Link
              className="mt-3 inline-block text-sm text-brand-700 hover:underline"
              href={`/developers/webhooks/${id}?${new URLSearchParams({ ...(filter ? { status: filter } : {}), starting_after: log.data.at(-1)!.id })}`}
            >
              Older deliveries
            </Link>
          ) : null}
        </Card>
        {writable ? (
          <Card title="Edit endpoint">
            <EditEndpointForm id={endpoint.id} url={endpoint.url} events={endpoint.enabled_events} description={endpoint.description} />
          </Card>
        ) : null}
        {writable ? (
          <Card title="Replay failed deliveries">
            <ReplayForm id={id} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
