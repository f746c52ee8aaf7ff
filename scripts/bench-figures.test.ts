import { describe, expect, it } from "vitest";
import { compareFigures, higherIsBetter, type BenchFile } from "./bench-figures";

const file = (figures: Record<string, number>): BenchFile => ({
  at: "2026-12-03T10:00:00.000Z",
  commit: "abc1234",
  machine: { cores: 2, cpu: "test", load: 1 },
  settings: { seconds: 15 },
  figures,
});

describe("bench --compare", () => {
  it("knows which way each figure should move", () => {
    expect(higherIsBetter("bare.rps")).toBe(true);
    expect(higherIsBetter("create_confirm.ratio_to_bare")).toBe(true);
    expect(higherIsBetter("stages.request_log_ratio")).toBe(true);
    expect(higherIsBetter("replay.half.p99_ms")).toBe(false);
    expect(higherIsBetter("soak.rss_drift")).toBe(false);
    expect(higherIsBetter("errors")).toBe(false);
  });

  it("marks a throughput drop and a latency rise past 10 % as worse, gains as better, small moves as neither", () => {
    const table = compareFigures(
      file({ "bare.rps": 1000, "create_confirm.rps": 400, "replay.half.p99_ms": 4, "get_by_id.rps": 800, errors: 0 }),
      file({ "bare.rps": 1050, "create_confirm.rps": 300, "replay.half.p99_ms": 6, "get_by_id.rps": 1000, "new.rps": 5, errors: 0 }),
    );
    const line = (name: string) => table.split("\n").find((l) => l.trim().startsWith(name + " "))!;
    expect(line("bare.rps")).toMatch(/1000 → 1050 +\(\+5\.0 %\)$/);
    expect(line("create_confirm.rps")).toMatch(/400 → 300 +\(-25\.0 %\) +worse$/);
    expect(line("replay.half.p99_ms")).toMatch(/4 → 6 +\(\+50\.0 %\) +worse$/);
    expect(line("get_by_id.rps")).toMatch(/\(\+25\.0 %\) +better$/);
    expect(line("new.rps")).toMatch(/\(new\) 5$/);
    expect(line("errors")).toMatch(/0 → 0 +\(\+0\.0 %\)$/);
    expect(table).toContain("commit abc1234");
  });
});
