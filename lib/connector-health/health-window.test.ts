// Sliding-window health: success rate (a decline is the processor working) and latency percentiles from
// known latencies; minutes older than the window fall out; across instances the persisted per-minute
// histograms add up, so the fleet's p95 is over all calls rather than an average of instances' p95s.
import { describe, expect, it, afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { connectorHealthMinutes } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { freshConnector, manualClock, startedHealth } from "@/test/connector-health";
import type { ConnectorHealth } from "./connector-health";
import { healthSnapshot } from "./health-snapshot";
import { HealthWindow } from "./health-window";
import { LATENCY_BOUNDS_MS, percentile, slotOf } from "./latency-histogram";

const key = { connector: "sandbox", livemode: false };

describe("the in-memory window", () => {
  it("computes the success rate and p50/p95/max/mean from known latencies", () => {
    const clock = manualClock();
    const w = new HealthWindow(5 * 60_000);
    for (let i = 0; i < 90; i++) w.add(key, "success", 40, clock.t);
    for (let i = 0; i < 5; i++) w.add(key, "declined", 75, clock.t);
    for (let i = 0; i < 4; i++) w.add(key, "transient_failure", 1000, clock.t);
    w.add(key, "unknown_outcome", 30_000, clock.t);
    expect(w.stats(key, clock.t)).toEqual({
      total: 100,
      successes: 90,
      declines: 5,
      transientFailures: 4,
      unknownOutcomes: 1,
      successRate: 0.95,
      latencyMs: { p50: 40, p95: 75, max: 30_000, mean: 380 }, // 379.75, rounded,
    });
  });

  it("reports a percentile as its bucket's upper bound, never above the largest latency seen", () => {
    const clock = manualClock();
    const w = new HealthWindow(5 * 60_000);
    for (const ms of [41, 42, 43, 44, 46]) w.add(key, "success", ms, clock.t);
    // All in the (40, 50] bucket: bounded by 50, capped by the max, 46.
    expect(w.stats(key, clock.t).latencyMs).toEqual({ p50: 46, p95: 46, max: 46, mean: 43 });
    expect(slotOf(0)).toBe(0);
    expect(slotOf(1)).toBe(0);
    expect(slotOf(1.5)).toBe(1);
    expect(slotOf(60_000)).toBe(LATENCY_BOUNDS_MS.length - 1);
    expect(slotOf(60_001)).toBe(LATENCY_BOUNDS_MS.length);
    const h = new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);
    h[LATENCY_BOUNDS_MS.length] = 1;
    expect(percentile(h, 0.95, 90_000)).toBe(90_000);
  });

  it("old minutes fall out of the window", () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const w = new HealthWindow(5 * 60_000);
    for (let i = 0; i < 10; i++) w.add(key, "transient_failure", 500, clock.t);
    clock.advance(60_000);
    for (let i = 0; i < 10; i++) w.add(key, "success", 20, clock.t);
    expect(w.stats(key, clock.t)).toMatchObject({ total: 20, successRate: 0.5 });
    // 12:04:59 — the 12:00 minute is the oldest of five still in.
    clock.t = Date.UTC(2026, 0, 1, 12, 4, 59);
    expect(w.stats(key, clock.t)).toMatchObject({ total: 20 });
    // 12:05:00 — it left: only the 12:01 minute's successes remain.
    clock.advance(1_000);
    expect(w.stats(key, clock.t)).toMatchObject({ total: 10, successRate: 1, latencyMs: { p95: 20 } });
    clock.advance(60_000);
    expect(w.stats(key, clock.t)).toMatchObject({ total: 0, successRate: null, latencyMs: null });
    w.takeDirty();
    w.prune(clock.t);
    expect(w.hasDirty).toBe(false);
  });
});

describe("fleet health from the persisted minutes", () => {
  let handle: DatabaseHandle;
  const started: ConnectorHealth[] = [];
  beforeAll(async () => {
    handle = await freshPostgres("health");
  });
  afterAll(async () => {
    await Promise.all(started.map((h) => h.stop()));
    await handle?.close();
  });

  it("adds two instances' histograms: the fleet p95 is over all calls; rewriting a minute never double-counts; old minutes drop out", async () => {
    const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 10));
    const connector = freshConnector("fleet");
    const k = { connector, livemode: true };
    const fast = await startedHealth(handle, { now: clock.now, instanceId: "inst_fast" });
    const slow = await startedHealth(handle, { now: clock.now, instanceId: "inst_slow" });
    started.push(fast, slow);

    for (let i = 0; i < 90; i++) await fast.record(k, "success", 20);
    for (let i = 0; i < 8; i++) await slow.record(k, "success", 2000);
    for (let i = 0; i < 2; i++) await slow.record(k, "transient_failure", 2000);
    await Promise.all([fast.flush(), slow.flush(), fast.flush()]);
    // Each instance's own p95 is 20 or 2000; over the fleet's 100 calls it is 2000 (rank 95 is a slow one).
    expect(fast.health(k).latencyMs?.p95).toBe(20);
    let snap = await healthSnapshot(handle.db, { livemode: true, now: clock.t, connectors: [connector, "idle_connector"] });
    let entry = snap.connectors.find((c) => c.connector === connector)!;
    expect(entry.health).toEqual({
      total: 100,
      successes: 98,
      declines: 0,
      transientFailures: 2,
      unknownOutcomes: 0,
      successRate: 0.98,
      latencyMs: { p50: 20, p95: 2000, max: 2000, mean: (90 * 20 + 10 * 2000) / 100 },
    });
    expect(snap.connectors.find((c) => c.connector === "idle_connector")).toMatchObject({ breaker: { state: "closed" }, health: { total: 0 } });

    // More calls in the same minute: the instance rewrites its row with running totals.
    for (let i = 0; i < 10; i++) await fast.record(k, "success", 20);
    await fast.flush();
    await fast.flush();
    snap = await healthSnapshot(handle.db, { livemode: true, now: clock.t });
    expect(snap.connectors.find((c) => c.connector === connector)!.health.total).toBe(110);
    const rows = await handle.db.select().from(connectorHealthMinutes);
    expect(rows.filter((r) => r.connector === connector)).toHaveLength(2);

    // Five minutes on, the 12:00 minute has left the window.
    clock.t = Date.UTC(2026, 0, 1, 12, 5, 0);
    await slow.record(k, "success", 100);
    await slow.flush();
    snap = await healthSnapshot(handle.db, { livemode: true, now: clock.t });
    entry = snap.connectors.find((c) => c.connector === connector)!;
    expect(entry.health).toMatchObject({ total: 1, successRate: 1, latencyMs: { p50: 100, p95: 100 } });
    expect((await healthSnapshot(handle.db, { livemode: false, now: clock.t })).connectors.find((c) => c.connector === connector)).toBeUndefined();
  });

  it("shows each breaker and the latest transitions, newest first", async () => {
    const clock = manualClock();
    const connector = freshConnector("page");
    const k = { connector, livemode: false };
    const health = await startedHealth(handle, { now: clock.now });
    started.push(health);
    for (let i = 0; i < 5; i++) await health.record(k, "transient_failure", 3000);
    const opened = clock.t;
    clock.advance(60_000);
    await health.admit(k);
    const snap = await healthSnapshot(handle.db, { livemode: false, now: clock.t, historyLimit: 10 });
    expect(snap.connectors.find((c) => c.connector === connector)).toMatchObject({
      breaker: {
        state: "half_open",
        consecutiveFailures: 5,
        openedAt: new Date(opened),
        probeClaimedAt: new Date(clock.t),
        retryAt: new Date(clock.t + 30_000),
      },
    });
    expect(snap.history.filter((e) => e.connector === connector).map((e) => [e.from, e.to, e.reason])).toEqual([
      ["open", "half_open", "probe"],
      ["closed", "open", "failure_threshold"],
    ]);
  });
});
