// Circuit breakers on the payment path, on a real PostgreSQL: connector A failing half its calls transiently
// opens its breaker, traffic moves to B while the success rate stays above 99%; when A recovers, one probe
// closes its breaker and A takes its payments again.
import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { connectorBreakerEvents, connectorBreakers, paymentAttempts } from "@/db/schema";
import { configureSandbox, seededRandom } from "@/lib/gateways/sandbox/config";
import { updateRoutingRules } from "@/lib/routing/update-routing-rules";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";

// A short open period, so the probe comes within the test (read when the process's breakers start).
process.env.KASSA_BREAKER_OPEN_MS = "1500";

const bed = paymentsTestBed("breaker_failover");
const { env } = bed;
const restores: (() => void)[] = [];
afterEach(() => restores.splice(0).forEach((r) => r()));

const firstConnector = async (paymentId: string) =>
  (await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paymentId)).orderBy(asc(paymentAttempts.id)))[0]!.connector;
const breakerOf = async (connector: string) =>
  (
    await env.h.db
      .select()
      .from(connectorBreakers)
      .where(and(eq(connectorBreakers.connector, connector), eq(connectorBreakers.livemode, false)))
  )[0];
const transitions = async (connector: string) =>
  (await env.h.db.select().from(connectorBreakerEvents).where(eq(connectorBreakerEvents.connector, connector)).orderBy(asc(connectorBreakerEvents.at))).map(
    (e) => `${e.fromState}→${e.toState}`,
  );

describe("breakers on the payment path", () => {
  it("A fails 50% transiently: its breaker opens, traffic moves to B, > 99% of 1,000 payments succeed; A recovers: probe → closed", async () => {
    const ctx = await bed.merchant();
    // Everything to A first; B is the failover.
    await updateRoutingRules({ ctx, input: { rules: [{ name: "A first", when: {}, route: { connector: "sandbox" } }], default: { connector: "sandbox_b" } } });
    restores.push(configureSandbox({ unavailableRate: 0.5, random: seededRandom(7) }, "sandbox"));

    let succeeded = 0;
    const firstOnB: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const payment = await createPayment({ ctx, input: { amount: 1000 + i, currency: "usd", payment_method: "pm_card_visa", confirm: true } }).catch(
        () => null,
      );
      if (payment?.status === "succeeded") succeeded++;
      if (payment && (await firstConnector(payment.id)) === "sandbox_b") firstOnB.push(payment.id);
    }
    expect(succeeded).toBeGreaterThan(990);
    // The breaker opened (more than once: each probe during the outage fails half the time), and while open,
    // payments went to B at once, without trying A first.
    expect(await transitions("sandbox")).toContain("closed→open");
    expect(firstOnB.length).toBeGreaterThan(0);

    // A recovers. After the open period, the next payment routed to A is the probe; it succeeds and closes the breaker.
    restores.splice(0).forEach((r) => r());
    await new Promise((r) => setTimeout(r, 1600));
    // (It may already be closed, with failures counted since: the next success clears them.)
    for (let i = 0; i < 8; i++) {
      const breaker = await breakerOf("sandbox");
      if (breaker?.state === "closed" && breaker.consecutiveFailures === 0) break;
      await createPayment({ ctx, input: { amount: 500, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
      if (breaker?.state !== "closed") await new Promise((r) => setTimeout(r, 1600));
    }
    expect(await breakerOf("sandbox")).toMatchObject({ state: "closed", consecutiveFailures: 0 });
    expect((await transitions("sandbox")).slice(-2)).toEqual(["open→half_open", "half_open→closed"]);
    const after = await createPayment({ ctx, input: { amount: 700, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(await firstConnector(after.id)).toBe("sandbox");
  }, 300_000);
});

describe("books", () => checksTheBooks(env));
