"use client";

import { useSyncExternalStore } from "react";

/** Which columns the viewer hid: `{ id: false }`, as the list has always kept it in localStorage. */
type Visibility = Record<string, boolean>;

/** Choices made in this tab (a `storage` event tells only the other tabs). */
const listeners = new Set<() => void>();
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function parse(saved: string | null): Visibility {
  try {
    return saved ? (JSON.parse(saved) as Visibility) : {};
  } catch {
    return {}; // a broken entry just means the default columns
  }
}

/**
 * The "Columns" menu of a server-rendered table: the choice is kept in localStorage and applied with a
 * stylesheet hiding the chosen columns by position, so the rows themselves need no JavaScript.
 */
export function ColumnChooser({
  storageKey,
  tableTestId,
  columns,
}: {
  storageKey: string;
  /** The table's data-testid, which scopes the stylesheet to it. */
  tableTestId: string;
  /** Every column in table order; the ones not hideable get no checkbox. */
  columns: { id: string; label: string; hideable: boolean }[];
}) {
  // The server's HTML (and hydration) shows every column; the saved choice applies right after.
  const saved = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(storageKey),
    () => null,
  );
  const visibility = parse(saved);
  const toggle = (id: string, visible: boolean) => {
    localStorage.setItem(storageKey, JSON.stringify({ ...visibility, [id]: visible }));
    for (const onChange of listeners) onChange();
  };
  const hidden = columns.flatMap((c, i) => (c.hideable && visibility[c.id] === false ? [`[data-testid="${tableTestId}"] tr > :nth-child(${i + 1})`] : []));
  return (
    <>
      {hidden.length ? <style>{`${hidden.join(",")}{display:none}`}</style> : null}
      <details className="relative text-sm">
        <summary className="inline-block cursor-pointer rounded px-2 py-1 text-brand-700 hover:bg-slate-100">Columns</summary>
        <fieldset className="absolute z-10 mt-1 space-y-1 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200">
          <legend className="sr-only">Columns to show</legend>
          {columns
            .filter((c) => c.hideable)
            .map((c) => (
              <label key={c.id} className="flex items-center gap-2 whitespace-nowrap">
                <input type="checkbox" checked={visibility[c.id] !== false} onChange={(e) => toggle(c.id, e.target.checked)} />
                {c.label}
              </label>
            ))}
        </fieldset>
      </details>
    </>
  );
}
