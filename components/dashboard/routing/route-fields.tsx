"use client";

import { Button } from "@/components/ui/button";
import { fieldId, splitTotal, type RouteDraft } from "@/lib/routing/draft";
import type { RoutingRulesObject } from "@/lib/routing/routing-object";
import { GroupError, SelectInput, TextInput } from "./routing-inputs";

export type Connectors = RoutingRulesObject["connectors"];

/** The connectors to choose from, and a saved one no longer available here (kept, so nothing is lost). */
function connectorOptions(connectors: Connectors, current: string) {
  const options = connectors.map((c) => ({ value: c.name, label: `${c.name} (${c.payment_method_types.join(", ")})` }));
  if (current && !connectors.some((c) => c.name === current)) options.push({ value: current, label: `${current} (not available in this mode)` });
  return options;
}

/** The split's running total, in words as well as colour. */
function SplitTotal({ route }: { route: RouteDraft }) {
  const total = splitTotal(route);
  const ok = total === 100;
  const text =
    total === null
      ? "Total: every weight must be a whole number."
      : ok
        ? "Total: 100% — adds up."
        : `Total: ${total}% — must add up to 100% (${total < 100 ? `${100 - total}% short` : `${total - 100}% over`}).`;
  return (
    <p aria-live="polite" className={`text-sm font-medium ${ok ? "text-emerald-800" : "text-amber-900"}`} data-testid="split-total" data-total={total ?? ""}>
      <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
      {text}
    </p>
  );
}

/** A route: one connector, or connectors with weights that add up to 100. `param` is its API parameter (`rules[0][route]`, `default`). */
export function RouteFields({
  route,
  param,
  legend,
  connectors,
  canEdit,
  onChange,
}: {
  route: RouteDraft;
  param: string;
  legend: string;
  connectors: Connectors;
  canEdit: boolean;
  onChange: (route: RouteDraft) => void;
}) {
  const kindName = `${fieldId(param)}-kind`;
  const setKind = (kind: RouteDraft["kind"]) => {
    if (kind === "split" && route.split.length === 0) {
      // Start a split from the chosen connector and the next one, half each.
      const other = connectors.find((c) => c.name !== route.connector)?.name ?? "";
      onChange({
        ...route,
        kind,
        split: [
          { connector: route.connector, weight: "50" },
          { connector: other, weight: "50" },
        ],
      });
    } else onChange({ ...route, kind });
  };
  const setRow = (j: number, row: Partial<RouteDraft["split"][number]>) =>
    onChange({ ...route, split: route.split.map((r, i) => (i === j ? { ...r, ...row } : r)) });
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="route">
      <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
      <GroupError param={param} />
      <div role="radiogroup" aria-label={`${legend}: how`} className="flex flex-wrap gap-4 text-sm text-slate-700">
        {(
          [
            ["connector", "One connector"],
            ["split", "Split by weight"],
          ] as const
        ).map(([kind, label]) => (
          <label key={kind} className="inline-flex items-center gap-1.5">
            <input type="radio" name={kindName} value={kind} checked={route.kind === kind} onChange={() => setKind(kind)} className="h-4 w-4 text-brand-600" />
            {label}
          </label>
        ))}
      </div>
      {route.kind === "connector" ? (
        <div className="max-w-xs">
          <SelectInput
            param={`${param}[connector]`}
            label="Connector"
            value={route.connector}
            onValue={(connector) => onChange({ ...route, connector })}
            options={connectorOptions(connectors, route.connector)}
            placeholder={route.connector ? undefined : "Choose a connector"}
          />
        </div>
      ) : (
        <div className="space-y-2" data-testid="split">
          <GroupError param={`${param}[split]`} />
          <ul className="space-y-2">
            {route.split.map((row, j) => (
              <li key={j} className="flex flex-wrap items-end gap-3" data-testid="split-row">
                <div className="w-56">
                  <SelectInput
                    param={`${param}[split][${j}][connector]`}
                    label={`Connector ${j + 1}`}
                    value={row.connector}
                    onValue={(connector) => setRow(j, { connector })}
                    options={connectorOptions(connectors, row.connector)}
                    placeholder={row.connector ? undefined : "Choose a connector"}
                  />
                </div>
                <div className="w-32">
                  <TextInput
                    param={`${param}[split][${j}][weight]`}
                    label={`Weight ${j + 1} (%)`}
                    inputMode="numeric"
                    value={row.weight}
                    onValue={(weight) => setRow(j, { weight })}
                  />
                </div>
                {canEdit && route.split.length > 2 ? (
                  <Button
                    type="button"
                    variant="ghost"
                    aria-label={`Remove connector ${j + 1} from the split`}
                    onClick={() => onChange({ ...route, split: route.split.filter((_, i) => i !== j) })}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <SplitTotal route={route} />
          {canEdit && route.split.length < 10 ? (
            <Button type="button" variant="secondary" onClick={() => onChange({ ...route, split: [...route.split, { connector: "", weight: "" }] })}>
              Add a connector to the split
            </Button>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
