import Link from "next/link";
import type { EventObject } from "@/lib/events/serialize-event";
import { Time } from "@/components/ui/time";
import type { EventDelivery } from "@/lib/webhooks/deliveries-of-events";

const DELIVERY_TONE = { pending: "text-amber-700", succeeded: "text-emerald-700", failed: "text-red-700" } as const;

export function EventsTable({ events, empty, deliveries }: { events: EventObject[]; empty: string; deliveries?: Record<string, EventDelivery[]> }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 font-medium">Event</th>
          <th className="py-2 font-medium">Id</th>
          {deliveries ? <th className="py-2 font-medium">Webhooks</th> : null}
          <th className="py-2 text-right font-medium">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((e) => (
          <tr key={e.id} className="align-top">
            <td className="py-2 font-medium text-slate-800">
              <details>
                <summary className="cursor-pointer">{e.type}</summary>
                <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(e, null, 2)}</pre>
              </details>
            </td>
            <td className="py-2 font-mono text-xs text-slate-500">{e.id}</td>
            {deliveries ? (
              <td className="py-2 text-xs" data-testid="event-deliveries">
                {(deliveries[e.id] ?? []).length === 0 ? <span className="text-slate-500">—</span> : null}
                {(deliveries[e.id] ?? []).map((d) => (
                  <Link key={d.id} href={`/developers/webhooks/${d.endpoint}?event=${e.id}`} className={`mr-2 hover:underline ${DELIVERY_TONE[d.status]}`}>{d.status}</Link>
                ))}
              </td>
            ) : null}
            <td className="py-2 text-right text-slate-500"><Time seconds={e.created} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pager({ base, data, hasMore, backwards }: { base: string; data: { id: string }[]; hasMore: boolean; backwards: boolean }) {
  const first = data[0]?.id;
  const last = data[data.length - 1]?.id;
  const sep = base.includes("?") ? "&" : "?";
  const newer = first && (backwards ? hasMore : true);
  const older = last && (backwards ? true : hasMore);
  return (
    <div className="mt-4 flex justify-end gap-2 text-sm">
      {newer ? <Link className="rounded px-2 py-1 text-brand-600 hover:bg-brand-50" href={`${base}${sep}ending_before=${first}`}>← Newer</Link> : null}
      {older ? <Link className="rounded px-2 py-1 text-brand-600 hover:bg-brand-50" href={`${base}${sep}starting_after=${last}`}>Older →</Link> : null}
    </div>
  );
}
