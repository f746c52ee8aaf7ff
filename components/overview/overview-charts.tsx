"use client";

import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/money";

interface Point {
  day: string;
  gross: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
}

const shortDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Volume per day and success rate per day; each chart carries a text summary for screen readers. */
export function OverviewCharts({ series, currency }: { series: Point[]; currency: string }) {
  const total = series.reduce((a, p) => a + p.gross, 0);
  const best = series.reduce<Point | null>((a, p) => (!a || p.gross > a.gross ? p : a), null);
  const rated = series.filter((p) => p.successRate !== null);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Gross volume per day</figcaption>
        <div
          className="h-56"
          role="img"
          aria-label={`Gross volume per day: ${formatMoney(total, currency)} in total${best && best.gross > 0 ? `, highest on ${shortDay(best.day)} with ${formatMoney(best.gross, currency)}` : ""}.`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} />
              <YAxis tickFormatter={(v: number) => formatMoney(v, currency).replace(/\.\d+$/, "")} tick={{ fontSize: 11, fill: "#475569" }} width={72} />
              <Tooltip formatter={(v) => formatMoney(Number(v), currency)} labelFormatter={(l) => shortDay(String(l))} />
              <Bar dataKey="gross" name="Gross volume" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-700">Success rate per day</figcaption>
        <div
          className="h-56"
          role="img"
          aria-label={
            rated.length
              ? `Success rate per day, between ${Math.min(...rated.map((p) => p.successRate!))}% and ${Math.max(...rated.map((p) => p.successRate!))}%.`
              : "Success rate per day: no completed attempts in this range."
          }
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11, fill: "#475569" }} minTickGap={16} />
              <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11, fill: "#475569" }} width={44} />
              <Tooltip formatter={(v) => `${v}%`} labelFormatter={(l) => shortDay(String(l))} />
              <Line dataKey="successRate" name="Success rate" stroke="#059669" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
