"use client";

import { useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface CheckoutTab {
  id: "card" | "upi" | "crypto";
  label: string;
  panel: React.ReactNode;
}

/**
 * The checkout's payment methods as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, only the
 * selected tab is in the tab order). Every panel is rendered by the server; the hidden ones stay in the page.
 */
export function CheckoutTabs({ tabs, initial }: { tabs: CheckoutTab[]; initial: CheckoutTab["id"] }) {
  const [selected, setSelected] = useState(initial);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  // Until React has hydrated a click would do nothing: the tabs wait for it, as the forms' fields do.
  const ready = useHydrated();

  function onKeyDown(e: React.KeyboardEvent, index: number) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    setSelected(next.id);
    refs.current[next.id]?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label="Payment method"
        className={`mb-5 grid gap-1 rounded-lg bg-slate-100 p-1 ${tabs.length > 2 ? "grid-cols-3" : "grid-cols-2"}`}
      >
        {tabs.map((t, i) => {
          const active = t.id === selected;
          return (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={active}
              aria-controls={`panel-${t.id}`}
              tabIndex={active ? 0 : -1}
              disabled={!ready && !active}
              onClick={() => setSelected(t.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={`rounded-md px-3 py-2 text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${
                active ? "bg-white text-slate-900 shadow-sm" : "text-slate-700 hover:text-slate-900"
              }`}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`panel-${t.id}`} aria-labelledby={`tab-${t.id}`} hidden={t.id !== selected}>
          {t.panel}
        </div>
      ))}
    </div>
  );
}
