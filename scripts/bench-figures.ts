// bench/last.json's shape and `npm run bench -- --compare`'s table: each figure beside the committed one, with
// its change, and a mark where it moved the wrong way by more than the noise allowance.

export type Figures = Record<string, number>;

export interface BenchFile {
  at: string;
  commit: string;
  machine: { cores: number; cpu: string; load: number };
  settings: Record<string, number>;
  figures: Figures;
}

/** Throughput and ratios are better higher; latencies, memory, drift and errors better lower. */
export function higherIsBetter(name: string): boolean {
  const last = name.split(".").at(-1) ?? name;
  return last === "rps" || last.includes("ratio");
}

const noise = 0.1;

function format(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 10 ? value.toFixed(3) : value.toFixed(1);
}

/** The comparison table: `before → after (change %)`, "worse" past 10 % in the wrong direction. */
export function compareFigures(before: BenchFile, after: BenchFile): string {
  const names = [...new Set([...Object.keys(before.figures), ...Object.keys(after.figures)])];
  const width = Math.max(...names.map((n) => n.length));
  const rows = names.map((name) => {
    const a = before.figures[name];
    const b = after.figures[name];
    if (a === undefined) return `  ${name.padEnd(width)}  (new) ${format(b!)}`;
    if (b === undefined) return `  ${name.padEnd(width)}  ${format(a)} → (gone)`;
    const change = a === 0 ? (b === 0 ? 0 : Infinity) : (b - a) / Math.abs(a);
    const worse = higherIsBetter(name) ? change < -noise : change > noise;
    const better = higherIsBetter(name) ? change > noise : change < -noise;
    const sign = change === Infinity ? "+∞" : `${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)} %`;
    return `  ${name.padEnd(width)}  ${format(a)} → ${format(b)}  (${sign})${worse ? "  worse" : better ? "  better" : ""}`;
  });
  return [
    `Against bench/last.json of ${before.at} (commit ${before.commit}, ${before.machine.cores} cores, load ${before.machine.load.toFixed(1)}):`,
    ...rows,
    "",
  ].join("\n");
}
