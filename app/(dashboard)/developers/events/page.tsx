import { Card, PageHeader } from "@/components/ui/card";
import { EventsTable, Pager } from "@/components/dashboard/events-table";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { listEvents } from "@/lib/events/list-events";
import { can } from "@/lib/service/roles";
import { deliveriesOfEvents } from "@/lib/webhooks/deliveries-of-events";

export const metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember();
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const input = Object.fromEntries(
    Object.entries({ type: sp.type || undefined, starting_after: sp.starting_after, ending_before: sp.ending_before, limit: "25" }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  let error: string | null = null;
  let list: Awaited<ReturnType<typeof listEvents>> = { object: "list", data: [], has_more: false, url: "" };
  try {
    list = await listEvents({ ctx, input, url: "/api/v1/events" });
  } catch (e) {
    if (!(e instanceof KassaError)) throw e;
    error = e.message;
  }
  const deliveries = can(member.role, "webhooks:read") ? await deliveriesOfEvents({ ctx, eventIds: list.data.map((e) => e.id) }) : undefined;
  const base = sp.type ? `/developers/events?type=${encodeURIComponent(sp.type)}` : "/developers/events";
  return (
    <>
      <PageHeader title="Events" description="Everything that changed in your account, as the API's event objects." />
      <Card
        actions={
          <form className="flex gap-2" action="/developers/events">
            <input
              name="type"
              defaultValue={sp.type ?? ""}
              placeholder="Filter by type, e.g. account.*"
              aria-label="Event type"
              className="w-64 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
            />
            <button className="rounded-md px-2 py-1 text-sm text-brand-600 ring-1 ring-slate-300 hover:bg-slate-50" type="submit">
              Filter
            </button>
          </form>
        }
      >
        {error ? (
          <p role="alert" className="mb-3 text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <EventsTable events={list.data} empty="No events match." deliveries={deliveries} />
        <Pager base={base} data={list.data} hasMore={list.has_more} backwards={Boolean(sp.ending_before)} />
      </Card>
    </>
  );
}
