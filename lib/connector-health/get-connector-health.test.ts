// The Connectors page's verb on a real PostgreSQL: routing:read (support is refused, an analyst reads), and
// the acting mode only — a live breaker, live calls and live transitions never show in test mode, nor the
// reverse; the mode's connectors show even when idle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { connectorBreakerEvents, connectorBreakers, connectorHealthMinutes } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/service/context";
import { freshConnector } from "@/test/connector-health";
import { freshPostgres } from "@/test/db";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import { getConnectorHealth } from "./get-connector-health";
import { minuteOf } from "./health-window";
import { emptyHistogram, slotOf } from "./latency-histogram";

describe("getConnectorHealth", () => {
  let handle: DatabaseHandle;
  let owner: ServiceContext;
  beforeAll(async () => {
    handle = await freshPostgres("connector_health_page");
    owner = (await makeMerchant(handle.db)).ctx;
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A breaker, one minute of calls (all at `latency` ms) and one transition for a connector in a mode. */
  async function seed(connector: string, livemode: boolean, calls: { successes: number; transientFailures: number; latency: number }) {
    const now = Date.now();
    const openedAt = new Date(now - 10_000);
    await handle.db.insert(connectorBreakers).values({ connector, livemode, state: "open", consecutiveFailures: 5, openedAt });
    const histogram = emptyHistogram();
    histogram[slotOf(calls.latency)] = calls.successes + calls.transientFailures;
    await handle.db.insert(connectorHealthMinutes).values({
      connector,
      livemode,
      minute: new Date(minuteOf(now)),
      instanceId: "inst_test",
      successes: calls.successes,
      transientFailures: calls.transientFailures,
      latencySumMs: calls.latency * (calls.successes + calls.transientFailures),
      latencyMaxMs: calls.latency,
      latencyHistogram: histogram,
    });
    await handle.db.insert(connectorBreakerEvents).values({
      id: newId("connectorBreakerEvent"),
      connector,
      livemode,
      fromState: "closed",
      toState: "open",
      reason: "failure_threshold",
      consecutiveFailures: 5,
      at: openedAt,
    });
    return openedAt;
  }

  it("needs routing:read: support is refused, an analyst and a developer read", async () => {
    expect(await errorCodeOf(getConnectorHealth({ ctx: { ...owner, role: "support" } }))).toBe("permission_denied");
    expect(await errorCodeOf(getConnectorHealth({ ctx: { ...owner, role: "analyst" } }))).toBe("ok");
    expect(await errorCodeOf(getConnectorHealth({ ctx: { ...owner, role: "developer" } }))).toBe("ok");
  });

  it("shows the acting mode's breakers, health and history only; its routable connectors appear idle", async () => {
    const connector = freshConnector("page");
    const liveOpened = await seed(connector, true, { successes: 9, transientFailures: 1, latency: 40 });
    // The same connector in test mode: closed, with other calls and no transition.
    await handle.db.insert(connectorBreakers).values({ connector, livemode: false, state: "closed", consecutiveFailures: 2 });
    const histogram = emptyHistogram();
    histogram[slotOf(200)] = 4;
    await handle.db.insert(connectorHealthMinutes).values({
      connector,
      livemode: false,
      minute: new Date(minuteOf(Date.now())),
      instanceId: "inst_test",
      successes: 3,
      declines: 1,
      latencySumMs: 800,
      latencyMaxMs: 200,
      latencyHistogram: histogram,
    });

    const live = await getConnectorHealth({ ctx: { ...owner, livemode: true, role: "analyst" } });
    expect(live.livemode).toBe(true);
    expect(live.threshold).toBe(5);
    expect(live.connectors.find((c) => c.connector === connector)).toMatchObject({
      livemode: true,
      breaker: { state: "open", consecutiveFailures: 5, openedAt: liveOpened, retryAt: new Date(liveOpened.getTime() + 60_000) },
      health: { total: 10, successes: 9, transientFailures: 1, successRate: 0.9, latencyMs: { p50: 40, p95: 40 } },
    });
    expect(live.history.map((e) => [e.connector, e.livemode, e.from, e.to, e.reason])).toEqual([[connector, true, "closed", "open", "failure_threshold"]]);
    // The sandboxes and the sandbox UPI PSP are test mode's only.
    expect(live.connectors.map((c) => c.connector)).not.toContain("sandbox");
    expect(live.connectors.map((c) => c.connector)).not.toContain("upi_sandbox");

    const test = await getConnectorHealth({ ctx: owner });
    expect(test.livemode).toBe(false);
    expect(test.connectors.find((c) => c.connector === connector)).toMatchObject({
      livemode: false,
      breaker: { state: "closed", consecutiveFailures: 2, openedAt: null, retryAt: null },
      health: { total: 4, successes: 3, declines: 1, successRate: 1, latencyMs: { p50: 200, p95: 200 } },
    });
    expect(test.history.filter((e) => e.connector === connector)).toEqual([]);
    // Idle connectors of the mode (routing's and the UPI PSP's) show closed with no calls.
    for (const name of ["sandbox", "sandbox_b", "upi_sandbox"]) {
      expect(test.connectors.find((c) => c.connector === name)).toMatchObject({
        breaker: { state: "closed", consecutiveFailures: 0 },
        health: { total: 0, successRate: null, latencyMs: null },
      });
    }
  });
});
