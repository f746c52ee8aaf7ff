import Link from "next/link";
import { PRESETS, type Preset } from "@/lib/overview/inputs";

const LABELS: Record<Preset, string> = { today: "Today", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

/** Presets as links and a custom range as a GET form: the URL always says what is shown. */
export function RangePicker({ preset, from, to, currency }: { preset: Preset | null; from: string; to: string; currency?: string }) {
  const cur: Record<string, string> = currency ? { currency } : {};
  return (
    <div className="flex flex-wrap items-end gap-3">
      <nav aria-label="Date range" className="flex gap-1 rounded-md bg-white p-1 text-sm ring-1 ring-slate-200">
        {(Object.keys(PRESETS) as Preset[]).map((p) => (
          <Link
            key={p}
            href={`/dashboard?${new URLSearchParams({ range: p, ...cur })}`}
            prefetch={false}
            aria-current={preset === p ? "page" : undefined}
            className={`rounded px-2.5 py-1 ${preset === p ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {LABELS[p]}
          </Link>
        ))}
      </nav>
      <form method="get" action="/dashboard" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Custom range">
        {currency ? <input type="hidden" name="currency" value={currency} /> : null}
        <label className="flex flex-col text-xs text-slate-600">
          From
          <input type="date" name="from" defaultValue={from} required className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900" />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          To
          <input type="date" name="to" defaultValue={to} required className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-900" />
        </label>
        <button
          type="submit"
          className="rounded-md bg-white px-3 py-1.5 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          Apply
        </button>
      </form>
    </div>
  );
}
