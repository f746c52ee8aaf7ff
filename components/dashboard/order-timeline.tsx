import type { OrderStepObject } from "@/lib/orders/serialize-order";
import { Badge } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

const LABEL: Record<string, string> = {
  authorize: "Authorise the payment",
  reserve: "Reserve at your shop",
  capture: "Capture the payment",
  confirm: "Confirm at your shop",
  release: "Release the reservation",
  void: "Void the authorisation",
  refund: "Refund the capture",
};
const TONE = { succeeded: "green", retrying: "amber", failed: "red" } as const;

/** The saga's timeline: each step (or compensation) with every try — attempt, HTTP status, latency, error. */
export function OrderTimeline({ steps }: { steps: OrderStepObject[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">No step has run yet.</p>;
  // Consecutive tries of one step are one entry.
  const groups: { name: string; kind: string; key: string; tries: OrderStepObject[] }[] = [];
  for (const s of steps) {
    const last = groups.at(-1);
    if (last && last.name === s.name) last.tries.push(s);
    else groups.push({ name: s.name, kind: s.kind, key: s.step_key, tries: [s] });
  }
  return (
    <ol className="space-y-4" aria-label="Saga steps" data-testid="order-timeline">
      {groups.map((g, i) => {
        const final = g.tries.at(-1)!;
        return (
          <li key={`${g.key}-${i}`} className="border-l-2 border-slate-200 pl-4" data-testid={`step-${g.name}`}>
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium text-slate-900">{LABEL[g.name] ?? g.name}</h3>
              {g.kind === "compensation" ? <Badge tone="slate">compensation</Badge> : null}
              <Badge tone={TONE[final.outcome]}>{final.outcome}</Badge>
              <code className="font-mono text-xs text-slate-600">{g.key}</code>
            </div>
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Tries of {LABEL[g.name] ?? g.name}</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Try
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Outcome
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    HTTP
                  </th>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Latency
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Error
                  </th>
                </tr>
              </thead>
              <tbody>
                {g.tries.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100">
                    <td className="py-1 pr-3 tabular-nums">{t.attempt}</td>
                    <td className="py-1 pr-3 text-slate-600">
                      <Time seconds={t.created} />
                    </td>
                    <td className="py-1 pr-3">{t.outcome}</td>
                    <td className="py-1 pr-3 tabular-nums">{t.status_code ?? "—"}</td>
                    <td className="py-1 pr-3 tabular-nums">{t.latency_ms} ms</td>
                    <td className="break-all py-1 text-red-800">{t.error ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        );
      })}
    </ol>
  );
}
