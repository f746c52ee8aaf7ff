import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { getEvent } from "@/lib/events/get-event";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Event" };

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("events:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let event: Awaited<ReturnType<typeof getEvent>>;
  try {
    event = await getEvent({ ctx, id });
  } catch (error) {
    // Another merchant's (or the other mode's) event is simply not there.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  // The API request that caused the event is its request log (the same req_… id); events from the dashboard or a job have none.
  const requestId = event.request?.id ?? null;
  return (
    <>
      <PageHeader
        title={event.type}
        description={event.id}
        actions={
          <Link href="/developers/events" className="text-sm text-brand-700 hover:underline">
            All events
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Requests">
          {requestId && can(member.role, "request_logs:read") ? (
            <Link href={`/developers/logs/${requestId}`} className="font-mono text-sm text-brand-700 hover:underline" data-testid="event-request">
              {requestId}
            </Link>
          ) : (
            <p className="text-sm text-slate-600">{requestId ? <span className="font-mono">{requestId}</span> : "Not caused by an API request."}</p>
          )}
        </Card>
        <Card title="Event data">
          <pre tabIndex={0} role="region" aria-label="Event data" className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {JSON.stringify(event, null, 2)}
          </pre>
        </Card>
      </div>
    </>
  );
}
