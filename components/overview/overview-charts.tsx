import { formatMoney } from "@/lib/money";

// The overview's two charts, drawn on the server as SVG: no charting library in the browser (it was most of
// the overview's JavaScript), nothing to hydrate, and each bar or point names its day and value on hover
// (<title>). Each chart carries a text summary for screen readers; the drawing itself is hidden from them.

interface Point {
  day: string;
  gross: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
}

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

const W = 640;
const H = 224;
const TICK = { fontSize: 11, fill: "#475569" } as const;

/** A round upper bound for the axis (1, 2, 2.5 or 5 × a power of ten) and its four steps. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1, 2, 3, 4];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return [0, 1, 2, 3, 4].map((i) => i * step);
}

/** About six labels along the x axis, evenly spread, always including the first day. */
function dayLabels(series: Point[]): number[] {
  const every = Math.max(1, Math.ceil(series.length / 6));
  return series.map((_, i) => i).filter((i) => i % every === 0);
}

function Frame({
  left,
  ticks,
  label,
  series,
  children,
}: {
  left: number;
  ticks: number[];
  label: (v: number) => string;
  series: Point[];
  children: (plot: Plot) => React.ReactNode;
}) {
  const plot: Plot = { x0: left, x1: W - 8, y0: 8, y1: H - 24, top: ticks.at(-1)! };
  const y = (v: number) => plot.y1 - (v / plot.top) * (plot.y1 - plot.y0);
  const band = (plot.x1 - plot.x0) / Math.max(1, series.length);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-full w-full" aria-hidden="true" focusable="false">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={plot.x0} x2={plot.x1} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeDasharray="3 3" />
          <text x={plot.x0 - 6} y={y(t)} dy="0.32em" textAnchor="end" {...TICK}>
            {label(t)}
          </text>
        </g>
      ))}
      {dayLabels(series).map((i) => (
        <text key={i} x={plot.x0 + band * (i + 0.5)} y={H - 6} textAnchor="middle" {...TICK}>
          {shortDay(series[i]!.day)}
        </text>
      ))}
      {children(plot)}
    </svg>
  );
}

interface Plot {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  top: number;
}

/** Volume per day and success rate per day; each chart carries a text summary for screen readers. */
export function OverviewCharts({ series, currency }: { series: Point[]; currency: string }) {
  const total = series.reduce((a, p) => a + p.gross, 0);
  const best = series.reduce<Point | null>((a, p) => (!a || p.gross > a.gross ? p : a), null);
  const rated = series.filter((p) => p.successRate !== null);
  const money = (v: number) => formatMoney(v, currency).replace(/\.\d+$/, "");
  const band = (plot: Plot) => (plot.x1 - plot.x0) / Math.max(1, series.length);
  const yOf = (plot: Plot, v: number) => plot.y1 - (v / plot.top) * (plot.y1 - plot.y0);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Gross volume per day</figcaption>
        <div
          className="h-56"
          role="img"
          data-testid="chart-gross"
          aria-label={`Gross volume per day: ${formatMoney(total, currency)} in total${best && best.gross > 0 ? `, highest on ${shortDay(best.day)} with ${formatMoney(best.gross, currency)}` : ""}.`}
        >
          <Frame left={76} ticks={niceTicks(best?.gross ?? 0)} label={money} series={series}>
            {(plot) =>
              series.map((p, i) => {
                const w = band(plot);
                const top = yOf(plot, p.gross);
                return (
                  <rect
                    key={p.day}
                    x={plot.x0 + w * i + w * 0.15}
                    y={top}
                    width={w * 0.7}
                    height={Math.max(0, plot.y1 - top)}
                    rx={Math.min(3, w * 0.2)}
                    fill="#4f46e5"
                  >
                    <title>{`${shortDay(p.day)}: ${formatMoney(p.gross, currency)}`}</title>
                  </rect>
                );
              })
            }
          </Frame>
        </div>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Success rate per day</figcaption>
        <div
          className="h-56"
          role="img"
          data-testid="chart-success-rate"
          aria-label={
            rated.length
              ? `Success rate per day, between ${Math.min(...rated.map((p) => p.successRate!))}% and ${Math.max(...rated.map((p) => p.successRate!))}%.`
              : "Success rate per day: no completed attempts in this range."
          }
        >
          <Frame left={44} ticks={[0, 25, 50, 75, 100]} label={(v) => `${v}%`} series={series}>
            {(plot) => {
              const w = band(plot);
              // Days without a completed attempt have no rate: the line joins the days around them.
              const points = series.flatMap((p, i) => (p.successRate === null ? [] : [{ p, x: plot.x0 + w * (i + 0.5), y: yOf(plot, p.successRate) }]));
              return (
                <>
                  <polyline points={points.map((q) => `${q.x},${q.y}`).join(" ")} fill="none" stroke="#059669" strokeWidth={2} strokeLinejoin="round" />
                  {points.map((q) => (
                    <circle key={q.p.day} cx={q.x} cy={q.y} r={Math.max(2, Math.min(4, w / 2))} fill="transparent">
                      <title>{`${shortDay(q.p.day)}: ${q.p.successRate}%`}</title>
                    </circle>
                  ))}
                </>
              );
            }}
          </Frame>
        </div>
      </figure>
    </div>
  );
}
