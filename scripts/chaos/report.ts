// The closing table: each check with what it looked at and its violations (the first few printed), the
// operations' outcomes, the kills, and each instance's memory over the run.
import type { Check } from "./checks";
import type { ClientStats } from "./client";
import type { Instance } from "./cluster";
import type { OpResult } from "./driver";
import { lives, type Series } from "./memory";
import type { StripeDouble } from "@/test/stripe-double/server";
import type { StripeReplayer } from "./stripe-replayer";

const SHOWN = 5;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`);
}

export function checksTable(checks: Check[]): string[] {
  const lines = table([
    ["check", "checked", "violations", ""],
    ...checks.map((c) => [c.name, String(c.checked), String(c.violations.length), c.violations.length ? "FAIL" : "ok"]),
  ]);
  for (const c of checks.filter((c) => c.violations.length)) {
    lines.push(`  ${c.name}:`, ...c.violations.slice(0, SHOWN).map((v) => `    - ${v}`));
    if (c.violations.length > SHOWN) lines.push(`    … and ${c.violations.length - SHOWN} more`);
  }
  return lines;
}

export function outcomesTable(results: OpResult[], stats: ClientStats, badGateway: number): string[] {
  const byKind = new Map<string, Map<string, number>>();
  for (const r of results) {
    const outcome = r.skipped ? "skipped" : r.answer ? String(r.answer.status) : "no answer";
    const m = byKind.get(r.op.kind) ?? byKind.set(r.op.kind, new Map()).get(r.op.kind)!;
    m.set(outcome, (m.get(outcome) ?? 0) + 1);
  }
  const lines = table([
    ["operation", "count", "outcomes"],
    ...[...byKind].map(([kind, m]) => [kind, String([...m.values()].reduce((a, b) => a + b, 0)), [...m].map(([o, n]) => `${o}×${n}`).join(" ")]),
  ]);
  const retries = Object.entries(stats.retries)
    .map(([why, n]) => `${why} ${n}`)
    .join(", ");
  lines.push(`  requests ${stats.requests}; retried with the same key: ${retries || "none"}; gave up ${stats.gaveUp}; proxy 502/503 ${badGateway}`);
  return lines;
}

/** `until`: the end of the load (ms since the run began); each life's memory is judged on its samples up to then. */
export function instancesTable(instances: Instance[], until = Infinity): string[] {
  return table([
    [
      "instance",
      "served",
      "kills",
      "back in rotation after",
      "per life under load, after warm-up, early → late median (samples): live heap MB (judged)",
      "RSS MB (reported)",
      "max RSS",
    ],
    ...instances.map((i) => [
      i.name,
      String(i.served),
      String(i.restarts.length),
      i.restarts.map((r) => `${(r.upAfterMs / 1000).toFixed(1)} s`).join(", ") || "-",
      courses(i, until, "heap"),
      courses(i, until, "rss"),
      i.rss.length ? String(Math.max(...i.rss.map((s) => s.mb))) : "-",
    ]),
  ]);
}

function courses(i: Instance, until: number, series: Series): string {
  return lives(i, until, series)
    .map(({ life, verdict: v }) =>
      v.kind === "judged"
        ? `${life}: ${v.earlyMb} → ${v.lateMb} (${v.change >= 0 ? "+" : ""}${(v.change * 100).toFixed(0)} %, ${v.samples})`
        : `${life}: too short (${v.samples})`,
    )
    .join("; ");
}

/** What the Stripe double saw and did, and how its events were replayed. */
export function stripeSummary(double: StripeDouble, replayer: StripeReplayer): string {
  const outcomes = new Map<string, number>();
  for (const r of double.requests) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const seen = [...outcomes].map(([o, n]) => `${o}×${n}`).join(" ");
  return `Stripe double: ${double.requests.length} requests (${seen || "none"}), ${double.state.paymentIntents.size} PaymentIntents; ${double.state.events.length} events replayed twice each in ${replayer.sent} deliveries`;
}
