// The payment path's cost: on a closed breaker `admit` answers from memory and `record` of a success (or a
// decline) with no failures counted writes nothing — not one statement reaches the database. Counted at the
// driver (the pool's query/connect, PGlite's query/exec/transaction), on PostgreSQL and PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { freshPglite, freshPostgres } from "@/test/db";
import { countStatements, freshConnector, manualClock, startedHealth } from "@/test/connector-health";
import type { ConnectorHealth } from "./connector-health";

const engines: [string, () => Promise<DatabaseHandle>][] = [
  ["PostgreSQL", () => freshPostgres("hotpath")],
  ["PGlite", freshPglite],
];

describe.each(engines)("the hot path on %s", (_engine, open) => {
  let handle: DatabaseHandle;
  let health: ConnectorHealth;
  const clock = manualClock();
  beforeAll(async () => {
    handle = await open();
    health = await startedHealth(handle, { now: clock.now });
  });
  afterAll(async () => {
    await health?.stop();
    await handle?.close();
  });

  it("the counter sees a statement when one is sent", async () => {
    await health.flush();
    const counted = countStatements(handle);
    try {
      await health.record({ connector: freshConnector(), livemode: false }, "transient_failure", 5);
      expect(counted.count()).toBe(1);
    } finally {
      counted.restore();
    }
  });

  it("admit on a closed breaker and record of successes and declines send no statement", async () => {
    const key = { connector: freshConnector(), livemode: false };
    const counted = countStatements(handle);
    try {
      for (let i = 0; i < 200; i++) {
        expect(await health.admit(key)).toEqual({ admitted: true, probe: false, state: "closed" });
        await health.record(key, i % 10 ? "success" : "declined", 30 + (i % 7));
      }
      expect(await health.admit({ connector: freshConnector("never_seen"), livemode: true })).toMatchObject({ admitted: true });
      expect(counted.count()).toBe(0);
      // The health window still saw every call (the flusher writes it later, off the path).
      expect(health.health(key)).toMatchObject({ total: 200, successes: 180, declines: 20, successRate: 1 });
    } finally {
      counted.restore();
    }
  });

  it("a failure writes once; the success after it writes once to reset the count; the next success writes nothing", async () => {
    const key = { connector: freshConnector(), livemode: false };
    const counted = countStatements(handle);
    try {
      await health.record(key, "transient_failure", 100);
      expect(counted.count()).toBe(1);
      await health.record(key, "success", 20);
      expect(counted.count()).toBe(2);
      await health.record(key, "success", 20);
      await health.admit(key);
      expect(counted.count()).toBe(2);
    } finally {
      counted.restore();
    }
  });
});
