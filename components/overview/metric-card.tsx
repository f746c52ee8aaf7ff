import Link from "next/link";

/** One headline figure; the whole card links to the list behind it. */
export function MetricCard({
  label,
  value,
  change,
  previousLabel,
  href,
  testId,
  invert = false,
}: {
  label: string;
  value: string;
  change: number | null;
  previousLabel: string;
  href: string;
  testId: string;
  invert?: boolean;
}) {
  const good = change === null || change === 0 ? null : invert ? change < 0 : change > 0;
  return (
    <Link
      href={href}
      // The lists behind the figures are dynamic pages: a prefetch would bring only their route tree.
      prefetch={false}
      data-testid={testId}
      className="block rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tracking-tight text-slate-900" data-testid={`${testId}-value`}>
        {value}
      </p>
      <p className={`mt-1 text-xs ${good === null ? "text-slate-600" : good ? "text-emerald-700" : "text-red-700"}`}>
        {change === null ? `no data in the ${previousLabel}` : `${change > 0 ? "▲" : change < 0 ? "▼" : ""} ${Math.abs(change)}% vs the ${previousLabel}`}
      </p>
    </Link>
  );
}
