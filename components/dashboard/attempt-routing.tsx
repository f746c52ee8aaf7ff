import type { AttemptRoute } from "@/lib/routing/list-payment-routing";

/** "Routed by rule 2 (EUR), rules v3" / "Routed by default, rules v3"; null when no routing rules applied. */
export function routedBy(routing: AttemptRoute["routing"]): string | null {
  if (!routing) return null;
  const rule = routing.rule ? `rule ${routing.rule.index + 1}${routing.rule.name ? ` (${routing.rule.name})` : ""}` : "default";
  return `Routed by ${rule}, rules v${routing.version}`;
}

/** Each attempt of a payment, the connector it used and why (Settings → Routing), one line each. */
export function AttemptRouting({ attempts }: { attempts: AttemptRoute[] }) {
  return (
    <ol className="space-y-1 text-sm" data-testid="attempt-routing">
      {attempts.map((a, i) => {
        const why = routedBy(a.routing);
        return (
          <li key={a.id} className="flex flex-wrap gap-x-2" data-attempt={a.id}>
            <span className="text-slate-600">
              Attempt {i + 1} ({a.status})
            </span>
            <span>
              connector{" "}
              <span className="font-mono font-semibold text-slate-900" data-testid="attempt-connector">
                {a.connector}
              </span>
            </span>
            {why ? (
              <span className="text-slate-700" data-testid="attempt-routed-by">
                · {why}
                {a.routing && a.routing.candidates.length > 1 ? ` · failover ${a.routing.candidates.join(" → ")}` : ""}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
