// The breaker on one database, as the acceptance asks: 4 transient failures keep it closed, the
// 5th opens it, the open period ends in exactly one probe however many ask at once, the probe's outcome
// closes or re-opens it; declines never count; a success resets the count. On PostgreSQL and PGlite.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { connectorBreakerEvents } from "@/db/schema";
import { freshPglite, freshPostgres } from "@/test/db";
import { freshConnector, manualClock, startedHealth } from "@/test/connector-health";
import { readBreaker } from "./breaker-statements";
import type { ConnectorHealth } from "./connector-health";
import type { ConnectorKey } from "./types";

const engines: [string, () => Promise<DatabaseHandle>][] = [
  ["PostgreSQL", () => freshPostgres("breaker")],
  ["PGlite", freshPglite],
];

describe.each(engines)("connector breaker on %s", (_engine, open) => {
  let handle: DatabaseHandle;
  const started: ConnectorHealth[] = [];
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await Promise.all(started.map((h) => h.stop()));
    await handle?.close();
  });

  async function setup(options: Parameters<typeof startedHealth>[1] = {}) {
    const clock = manualClock();
    const key: ConnectorKey = { connector: freshConnector(), livemode: false };
    const health = await startedHealth(handle, { now: clock.now, ...options });
    started.push(health);
    return { clock, key, health };
  }
  const fail = (health: ConnectorHealth, key: ConnectorKey, times: number, outcome: "transient_failure" | "unknown_outcome" = "transient_failure") =>
    (async () => {
      for (let i = 0; i < times; i++) await health.record(key, outcome, 30);
    })();
  /** Another instance learns of a change by NOTIFY, after commit: a few milliseconds, never a TTL. */
  const sees = (health: ConnectorHealth, key: ConnectorKey, state: string) =>
    expect.poll(() => health.breaker(key)?.state, { timeout: 10_000, interval: 2 }).toBe(state);
  const events = (key: ConnectorKey) =>
    handle.db
      .select()
      .from(connectorBreakerEvents)
      .where(and(eq(connectorBreakerEvents.connector, key.connector), eq(connectorBreakerEvents.livemode, key.livemode)))
      .orderBy(asc(connectorBreakerEvents.id));

  it("4 transient failures keep it closed; the 5th opens it and admit refuses until the open period is over", async () => {
    const { clock, key, health } = await setup();
    await fail(health, key, 4);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "closed", consecutiveFailures: 4 });
    expect(await health.admit(key)).toEqual({ admitted: true, probe: false, state: "closed" });

    await fail(health, key, 1);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "open", consecutiveFailures: 5, openedAt: clock.t });
    expect(await health.admit(key)).toEqual({ admitted: false, state: "open", retryAt: new Date(clock.t + 60_000) });
    clock.advance(59_999);
    expect((await health.admit(key)).admitted).toBe(false);
    expect(await events(key)).toMatchObject([
      { fromState: "closed", toState: "open", reason: "failure_threshold", consecutiveFailures: 5, windowTotal: 5, windowFailures: 5 },
    ]);
  });

  it("the test and live breakers of one connector are separate", async () => {
    const { key, health } = await setup();
    await fail(health, key, 5);
    expect((await health.admit(key)).admitted).toBe(false);
    expect((await health.admit({ ...key, livemode: true })).admitted).toBe(true);
  });

  it("after the open period exactly one of 20 concurrent admits (over 4 instances) is the probe; its success closes the breaker", async () => {
    const { clock, key, health } = await setup();
    const others = await Promise.all([1, 2, 3].map(() => startedHealth(handle, { now: clock.now })));
    started.push(...others);
    const all = [health, ...others];
    await fail(health, key, 5);
    for (const other of others) await sees(other, key, "open");
    clock.advance(60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => all[i % all.length]!.admit(key)));
    const probes = answers.filter((a) => a.admitted);
    expect(probes).toEqual([{ admitted: true, probe: true, state: "half_open" }]);
    for (const a of answers.filter((x) => !x.admitted)) expect(a).toMatchObject({ admitted: false, state: "half_open" });
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "half_open", probeClaimedAt: clock.t });

    const prober = all[answers.findIndex((a) => a.admitted) % all.length]!;
    clock.advance(250);
    await prober.record(key, "success", 250);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "closed", consecutiveFailures: 0, openedAt: null, probeClaimedAt: null });
    expect(await prober.admit(key)).toEqual({ admitted: true, probe: false, state: "closed" });
    expect((await events(key)).map((e) => [e.fromState, e.toState, e.reason])).toEqual([
      ["closed", "open", "failure_threshold"],
      ["open", "half_open", "probe"],
      ["half_open", "closed", "probe_succeeded"],
    ]);
  });

  it("a failed probe opens it again with a new opened_at, and the next probe comes a full open period later", async () => {
    const { clock, key, health } = await setup();
    await fail(health, key, 5);
    const firstOpened = clock.t;
    clock.advance(61_000);
    expect(await health.admit(key)).toMatchObject({ admitted: true, probe: true });
    clock.advance(800);
    await health.record(key, "unknown_outcome", 800);
    const row = await readBreaker(handle.db, key);
    expect(row).toMatchObject({ state: "open", probeClaimedAt: null });
    expect(row!.openedAt).toBe(clock.t);
    expect(row!.openedAt).not.toBe(firstOpened);
    expect(await health.admit(key)).toEqual({ admitted: false, state: "open", retryAt: new Date(clock.t + 60_000) });
    clock.advance(60_000);
    expect(await health.admit(key)).toMatchObject({ admitted: true, probe: true });
    expect((await events(key)).map((e) => e.reason)).toEqual(["failure_threshold", "probe", "probe_failed", "probe"]);
  });

  it("a probe nobody answers is handed out again (once) after the probe timeout", async () => {
    const { clock, key, health } = await setup({ probeTimeoutMs: 10_000 });
    const other = await startedHealth(handle, { now: clock.now, probeTimeoutMs: 10_000 });
    started.push(other);
    await fail(health, key, 5);
    clock.advance(60_000);
    expect(await health.admit(key)).toMatchObject({ probe: true });
    await sees(other, key, "half_open");
    clock.advance(9_999);
    expect(await other.admit(key)).toEqual({ admitted: false, state: "half_open", retryAt: new Date(clock.t + 1) });
    clock.advance(1);
    const again = await Promise.all([other.admit(key), health.admit(key), other.admit(key)]);
    expect(again.filter((a) => a.admitted)).toHaveLength(1);
    expect((await events(key)).map((e) => e.reason)).toEqual(["failure_threshold", "probe", "probe_timed_out"]);
  });

  it("declines never open it; a success (or a decline) resets the consecutive count", async () => {
    const { key, health } = await setup();
    for (let i = 0; i < 12; i++) await health.record(key, "declined", 40);
    // Nothing counted, nothing written.
    expect(await readBreaker(handle.db, key)).toBeNull();

    await fail(health, key, 4);
    await health.record(key, "success", 20);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    await fail(health, key, 4, "unknown_outcome");
    await health.record(key, "declined", 20);
    await fail(health, key, 4);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "closed", consecutiveFailures: 4 });
    expect((await health.admit(key)).admitted).toBe(true);
    // Unknown outcomes count like transient failures.
    await fail(health, key, 1, "unknown_outcome");
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "open", consecutiveFailures: 5 });
  });

  it("two instances crossing the threshold at once make one transition", async () => {
    const { clock, key, health } = await setup();
    const other = await startedHealth(handle, { now: clock.now });
    started.push(other);
    await Promise.all([fail(health, key, 6), fail(other, key, 6)]);
    expect(await readBreaker(handle.db, key)).toMatchObject({ state: "open", consecutiveFailures: 5 });
    expect(await events(key)).toHaveLength(1);
  });

  it("late answers while open change nothing: the probe decides", async () => {
    const { clock, key, health } = await setup();
    await fail(health, key, 5);
    const before = await readBreaker(handle.db, key);
    clock.advance(1_000);
    await health.record(key, "success", 10);
    await health.record(key, "transient_failure", 10);
    expect(await readBreaker(handle.db, key)).toEqual(before);
  });

  it("the threshold and open period come from options (and the environment)", async () => {
    const { clock, key, health } = await setup({ threshold: 2, openMs: 5_000 });
    await fail(health, key, 2);
    expect(await health.admit(key)).toEqual({ admitted: false, state: "open", retryAt: new Date(clock.t + 5_000) });
    const fromEnv = await startedHealth(handle, { env: { KASSA_BREAKER_THRESHOLD: "3", KASSA_BREAKER_OPEN_MS: "1000" } });
    started.push(fromEnv);
    expect(fromEnv.settings).toMatchObject({ threshold: 3, openMs: 1_000, probeTimeoutMs: 30_000, windowMs: 300_000 });
  });
});
