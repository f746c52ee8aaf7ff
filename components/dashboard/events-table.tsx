import Link from "next/link";
import type { EventObject } from "@/lib/events/serialize-event";
import { type Column, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { EventDelivery } from "@/lib/webhooks/deliveries-of-events";

const DELIVERY_TONE = { pending: "text-amber-700", succeeded: "text-emerald-700", failed: "text-red-700" } as const;

export function EventsTable({ events, empty, deliveries }: { events: EventObject[]; empty: string; deliveries?: Record<string, EventDelivery[]> }) {
  const columns: Column<EventObject>[] = [
    {
      id: "type",
      header: "Event",
      className: "font-medium text-slate-800",
      cell: (e) => (
        <details>
          <summary className="cursor-pointer">{e.type}</summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(e, null, 2)}</pre>
        </details>
      ),
    },
    {
      id: "id",
      header: "Id",
      className: "font-mono text-xs",
      // The event's own page: its object, its webhook deliveries and the API requests that touched it.
      cell: (e) => (
        // No prefetch, as in Table: a row link to a dynamic page would only fetch its route tree.
        <Link href={`/developers/events/${e.id}`} prefetch={false} className="text-brand-700 hover:underline">
          {e.id}
        </Link>
      ),
    },
    {
      id: "webhooks",
      header: "Webhooks",
      hidden: !deliveries,
      className: "text-xs",
      testId: "event-deliveries",
      cell: (e) => {
        const sent = deliveries?.[e.id] ?? [];
        if (sent.length === 0) return <span className="text-slate-500">—</span>;
        return sent.map((d) => (
          <Link
            key={d.id}
            href={`/developers/webhooks/${d.endpoint}?event=${e.id}`}
            prefetch={false}
            className={`mr-2 hover:underline ${DELIVERY_TONE[d.status]}`}
          >
            {d.status}
          </Link>
        ));
      },
    },
    { id: "created", header: "Created", align: "right", className: "text-slate-500", cell: (e) => <Time seconds={e.created} /> },
  ];
  return <Table caption="Events" columns={columns} rows={events} rowKey={(e) => e.id} rowAlign="top" empty={empty} />;
}

export function Pager({ base, data, hasMore, backwards }: { base: string; data: { id: string }[]; hasMore: boolean; backwards: boolean }) {
  const first = data[0]?.id;
  const last = data[data.length - 1]?.id;
  const sep = base.includes("?") ? "&" : "?";
  const newer = first && (backwards ? hasMore : true);
  const older = last && (backwards ? true : hasMore);
  return (
    <div className="mt-4 flex justify-end gap-2 text-sm">
      {newer ? (
        <Link className="rounded px-2 py-1 text-brand-600 hover:bg-brand-50" href={`${base}${sep}ending_before=${first}`}>
          ← Newer
        </Link>
      ) : null}
      {older ? (
        <Link className="rounded px-2 py-1 text-brand-600 hover:bg-brand-50" href={`${base}${sep}starting_after=${last}`}>
          Older →
        </Link>
      ) : null}
    </div>
  );
}
