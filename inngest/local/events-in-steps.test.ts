import { afterEach, describe, expect, it } from "vitest";
import { freshPostgres } from "@/test/db";
import type { DatabaseHandle } from "@/db/client";
import { startRig, type TestRig } from "./test-app";

let handle: DatabaseHandle | undefined;
let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.close();
  await handle?.close();
  rig = handle = undefined;
});

describe("events inside runs", () => {
  it("step.sendEvent goes through the event API and triggers the next function", async () => {
    handle = await freshPostgres("sendevent");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "producer", triggers: [{ event: "test/order" }] }, async ({ step, event }) => {
        const { ids } = await step.sendEvent("emit", { name: "test/ship", data: { order: event.data.order } });
        return ids.length;
      }),
      c.createFunction({ id: "consumer", triggers: [{ event: "test/ship" }] }, async ({ event }) => `shipped ${event.data.order}`),
    ]);
    await rig.executor.sendEvent({ name: "test/order", data: { order: "o_1" } });
    await rig.settle();
    const [producer] = await rig.executor.runs("kassa-test-producer");
    const [consumer] = await rig.executor.runs("kassa-test-consumer");
    expect(producer?.output).toBe(1);
    expect(consumer?.output).toBe("shipped o_1");
  });

  it("waitForEvent resumes with the matching event (match → if expression)", async () => {
    handle = await freshPostgres("wait");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "waiter", triggers: [{ event: "test/intent" }] }, async ({ step }) => {
        const paid = await step.waitForEvent("paid", { event: "test/paid", match: "data.intent", timeout: "1h" });
        return paid ? paid.data.amount : "timeout";
      }),
    ]);
    await rig.executor.sendEvent({ name: "test/intent", data: { intent: "pi_1" } });
    await rig.executor.idle();
    await rig.executor.sendEvent({ name: "test/paid", data: { intent: "pi_other", amount: 1 } });
    await rig.executor.sendEvent({ name: "test/paid", data: { intent: "pi_1", amount: 500 } });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-waiter");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe(500);
  });

  it("waitForEvent returns null on timeout", async () => {
    handle = await freshPostgres("waittimeout");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "waiter", triggers: [{ event: "test/intent" }] }, async ({ step }) => {
        const paid = await step.waitForEvent("paid", {
          event: "test/paid",
          if: "event.data.intent == async.data.intent && async.data.amount > 0",
          timeout: "10m",
        });
        return paid === null ? "timeout" : "paid";
      }),
    ]);
    const t0 = rig.clock.now().getTime();
    await rig.executor.sendEvent({ name: "test/intent", data: { intent: "pi_1" } });
    await rig.executor.idle();
    await rig.executor.sendEvent({ name: "test/paid", data: { intent: "pi_1", amount: 0 } });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-waiter");
    expect(run?.output).toBe("timeout");
    expect(rig.clock.now().getTime() - t0).toBe(10 * 60_000);
  });

  it("cancelOn cancels a matching running run and leaves others alone", async () => {
    handle = await freshPostgres("cancel");
    let finished = 0;
    rig = await startRig(handle.db, (c) => [
      c.createFunction(
        {
          id: "reminder",
          triggers: [{ event: "test/cart" }],
          cancelOn: [{ event: "test/checkout", match: "data.cart" }],
        },
        async ({ step }) => {
          await step.sleep("wait", "1d");
          await step.run("remind", () => ++finished);
        },
      ),
    ]);
    await rig.executor.sendEvent([
      { name: "test/cart", data: { cart: "c_1" } },
      { name: "test/cart", data: { cart: "c_2" } },
    ]);
    await rig.executor.idle();
    await rig.executor.sendEvent({ name: "test/checkout", data: { cart: "c_1" } });
    await rig.settle();
    const runs = await rig.executor.runs("kassa-test-reminder");
    expect(runs.map((r) => r.status).sort()).toEqual(["cancelled", "completed"]);
    expect(finished).toBe(1);
  });

  it("function idempotency: one run per key in 24 h", async () => {
    handle = await freshPostgres("fnidem");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "welcome", triggers: [{ event: "test/signup" }], idempotency: "event.data.user" }, async ({ event }) => event.data.user),
    ]);
    await rig.executor.sendEvent([
      { name: "test/signup", data: { user: "u1" } },
      { name: "test/signup", data: { user: "u1" } },
      { name: "test/signup", data: { user: "u2" } },
    ]);
    await rig.settle();
    expect((await rig.executor.runs("kassa-test-welcome")).map((r) => r.output).sort()).toEqual(["u1", "u2"]);
  });

  it("step.invoke runs the other function and returns its result or its error", async () => {
    handle = await freshPostgres("invoke");
    rig = await startRig(handle.db, (c) => {
      const double = c.createFunction({ id: "double", triggers: [{ event: "test/never" }] }, async ({ event }) => event.data.n * 2);
      const broken = c.createFunction({ id: "broken", triggers: [{ event: "test/never" }], retries: 0 }, async () => {
        throw new Error("child exploded");
      });
      const parent = c.createFunction({ id: "parent", triggers: [{ event: "test/parent" }] }, async ({ step }) => {
        const doubled = await step.invoke("call-double", { function: double, data: { n: 21 } });
        const failed = await step.invoke("call-broken", { function: broken, data: {} }).then(
          () => "no error",
          (e: Error) => e.message,
        );
        return { doubled, failed };
      });
      return [double, broken, parent];
    });
    await rig.executor.sendEvent({ name: "test/parent" });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-parent");
    expect(run?.error ?? null).toBeNull();
    expect(run?.output).toEqual({ doubled: 42, failed: "child exploded" });
    expect((await rig.executor.runs("kassa-test-double")).map((r) => r.status)).toEqual(["completed"]);
  });

  it("concurrency limit with a key: one call at a time per merchant, other keys run alongside", async () => {
    handle = await freshPostgres("concurrency");
    const active = new Map<string, number>();
    const maxActive = new Map<string, number>();
    let maxOverall = 0;
    const seenRunning = new Set<string>();
    rig = await startRig(handle.db, (c) => [
      c.createFunction(
        { id: "settle", triggers: [{ event: "test/settle" }], concurrency: { limit: 1, key: "event.data.merchant" } },
        async ({ step, event }) => {
          const m = event.data.merchant as string;
          await step.run("work", async () => {
            active.set(m, (active.get(m) ?? 0) + 1);
            seenRunning.add(m);
            maxActive.set(m, Math.max(maxActive.get(m) ?? 0, active.get(m)!));
            maxOverall = Math.max(
              maxOverall,
              [...active.values()].reduce((a, b) => a + b, 0),
            );
            // Each key's work waits (up to 10 s) for the other key's to be running, so "alongside" is
            // observed however slowly the machine schedules the runs; with one slot for all keys it never is.
            const other = m === "m2" ? "m1" : "m2";
            for (let waited = 0; waited < 10_000 && !seenRunning.has(other); waited += 10) await new Promise((r) => setTimeout(r, 10));
            await new Promise((r) => setTimeout(r, 20));
            active.set(m, active.get(m)! - 1);
          });
        },
      ),
    ]);
    await rig.executor.sendEvent(["m1", "m1", "m1", "m2"].map((merchant) => ({ name: "test/settle", data: { merchant } })));
    await rig.settle();
    const runs = await rig.executor.runs("kassa-test-settle");
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "completed", "completed"]);
    expect(Object.fromEntries(maxActive)).toEqual({ m1: 1, m2: 1 });
    expect(maxOverall).toBe(2);
  });

  it("fails loudly when a function uses flow control the executor does not enforce", async () => {
    handle = await freshPostgres("throttle");
    let ran = 0;
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "throttled", triggers: [{ event: "test/t" }], throttle: { limit: 1, period: "1m" } }, async () => ++ran),
    ]);
    await rig.executor.sendEvent({ name: "test/t" });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-throttled");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toMatch(/uses throttle, which the local executor .* does not enforce/);
    expect(ran).toBe(0);
  });

  it("cancelOn with a timeout stops matching once the window has passed", async () => {
    handle = await freshPostgres("canceltimeout");
    rig = await startRig(handle.db, (c) => [
      c.createFunction(
        {
          id: "window",
          triggers: [{ event: "test/start" }],
          cancelOn: [{ event: "test/stop", match: "data.k", timeout: "1h" }],
        },
        async ({ step }) => {
          await step.sleep("long", "3h");
          return "done";
        },
      ),
    ]);
    await rig.executor.sendEvent([
      { name: "test/start", data: { k: "early" } },
      { name: "test/start", data: { k: "late" } },
    ]);
    await rig.executor.idle();
    await rig.executor.sendEvent({ name: "test/stop", data: { k: "early" } });
    await rig.clock.advance(2 * 3_600_000);
    await rig.executor.sendEvent({ name: "test/stop", data: { k: "late" } });
    await rig.settle();
    const runs = await rig.executor.runs("kassa-test-window");
    expect(runs.map((r) => r.status)).toEqual(["cancelled", "completed"]);
  });
});
