import { afterEach, describe, expect, it } from "vitest";
import { freshPglite, freshPostgres } from "@/test/db";
import type { DatabaseHandle } from "@/db/client";
import { FakeClock, startExecutor, type Executor } from "./index";
import { startRig, type TestRig } from "./test-app";
import { freePort } from "@/scripts/pg-server";
import { eq } from "drizzle-orm";
import { inngestEvents } from "./schema";

let handle: DatabaseHandle | undefined;
let executor: Executor | undefined;
let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.close();
  await executor?.stop();
  await handle?.close();
  rig = executor = handle = undefined;
});

const post = (url: string, body: string) => fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });

describe("event API", () => {
  it("answers /health", async () => {
    handle = await freshPostgres("health");
    executor = await startExecutor({ db: handle.db, port: 0 });
    const res = await fetch(`${executor.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it.each([
    ["malformed JSON", "{not json", /not valid JSON/],
    ["a missing name", JSON.stringify({ data: { a: 1 } }), /non-empty string "name"/],
    ["a non-object data", JSON.stringify([{ name: "test/ok" }, { name: "test/x", data: [1] }]), /event 1: "data" must be an object/],
    ["an internal inngest/ name", JSON.stringify({ name: "inngest/function.failed", data: {} }), /reserved internal event name/],
    ["an empty array", "[]", /no events/],
  ])("rejects %s with a 400 and stores nothing", async (_label, body, message) => {
    handle = await freshPostgres("e400");
    executor = await startExecutor({ db: handle.db, port: 0 });
    const res = await post(`${executor.url}/e/key`, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(await executor.storage.listEvents()).toEqual([]);
  });

  it("stores valid events and answers { ids, status: 200 }", async () => {
    handle = await freshPostgres("e200");
    executor = await startExecutor({ db: handle.db, port: 0 });
    const res = await post(`${executor.url}/e/NO_EVENT_KEY_SET`, JSON.stringify([{ name: "test/a", data: { x: 1 } }, { name: "test/b" }]));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe(200);
    expect(body.ids).toHaveLength(2);
    expect((await executor.storage.listEvents()).map((e) => [e.id, e.name, e.data])).toEqual([
      [body.ids[0], "test/a", { x: 1 }],
      [body.ids[1], "test/b", {}],
    ]);
  });

  it("treats a repeated event id as an idempotency key: stored and triggered once", async () => {
    handle = await freshPostgres("dupe");
    let runs = 0;
    rig = await startRig(handle.db, (c) => [c.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async () => ++runs)]);
    const first = await rig.client.send({ id: "evt_outbox_1", name: "test/once", data: {} });
    const second = await rig.client.send({ id: "evt_outbox_1", name: "test/once", data: {} });
    await rig.settle();
    expect(second.ids).toEqual(first.ids);
    expect(await rig.executor.storage.listEvents("test/once")).toHaveLength(1);
    expect(runs).toBe(1);
    // After the 24 h window the same id is a new event.
    await rig.clock.advance(24 * 3_600_000 + 1);
    await rig.client.send({ id: "evt_outbox_1", name: "test/once", data: {} });
    await rig.settle();
    expect(runs).toBe(2);
  });

  it("an event stored but never acted on (the executor died in between): the sender's resend starts its run, once", async () => {
    handle = await freshPostgres("unfinished");
    let runs = 0;
    rig = await startRig(handle.db, (c) => [c.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async () => ++runs)]);
    const storage = rig.executor.storage;
    // What a kill between storing the event and starting its runs leaves behind: the event, no run.
    const [stored, state] = await storage.insertEvent({ name: "test/once", data: {}, ts: rig.clock.now().getTime() }, "evt_outbox_cut");
    expect(state).toBe("new");
    // The sender's resend, however soon (nothing in this process is acting on it): acted on now, one run. An
    // answer of "duplicate" here would let the sender mark it published with no run at all.
    expect((await rig.client.send({ id: "evt_outbox_cut", name: "test/once", data: {} })).ids).toEqual([stored.id]);
    await rig.settle();
    expect(runs).toBe(1);
    expect(await storage.listEvents("test/once")).toHaveLength(1);
    // Fanned out: later resends are duplicates.
    await rig.clock.advance(60_000);
    await rig.client.send({ id: "evt_outbox_cut", name: "test/once", data: {} });
    await rig.settle();
    expect(runs).toBe(1);
    // Cut short after its run had started (the mark never written): acted on again, but no second run.
    await handle.db.update(inngestEvents).set({ fannedOut: false }).where(eq(inngestEvents.id, stored.id));
    await rig.clock.advance(60_000);
    await rig.client.send({ id: "evt_outbox_cut", name: "test/once", data: {} });
    await rig.settle();
    expect(runs).toBe(1);
    expect(await rig.executor.runs("kassa-test-once")).toHaveLength(1);
  });

  it("a resend while the first copy is still being acted on waits for it: one run, the same id, never 'done' before the run exists", async () => {
    handle = await freshPostgres("inflight");
    let runs = 0;
    rig = await startRig(handle.db, (c) => [c.createFunction({ id: "once", triggers: [{ event: "test/once" }] }, async () => ++runs)]);
    const storage = rig.executor.storage;
    // Hold the first copy between storing the event and creating its run, as a slow fan-out (or a sender's
    // timeout) would; a resend arrives meanwhile.
    let letGo!: () => void;
    const held = new Promise<void>((r) => (letGo = r));
    const createRun = storage.createRun.bind(storage);
    let holding = true;
    storage.createRun = async (...args) => {
      if (holding) {
        holding = false;
        await held;
      }
      return createRun(...args);
    };
    const first = rig.client.send({ id: "evt_outbox_slow", name: "test/once", data: {} });
    await expect.poll(() => storage.listEvents("test/once").then((e) => e.length)).toBe(1);
    let resendAnswered = false;
    const resend = rig.client.send({ id: "evt_outbox_slow", name: "test/once", data: {} }).then((r) => ((resendAnswered = true), r));
    await new Promise((r) => setTimeout(r, 200));
    expect(resendAnswered).toBe(false);
    letGo();
    const [a, b] = await Promise.all([first, resend]);
    expect(b.ids).toEqual(a.ids);
    await rig.settle();
    expect(runs).toBe(1);
    expect(await rig.executor.runs("kassa-test-once")).toHaveLength(1);
    // The same id twice in one batch is one event and one run.
    const batch = await rig.client.send([
      { id: "evt_outbox_twice", name: "test/once", data: {} },
      { id: "evt_outbox_twice", name: "test/once", data: {} },
    ]);
    expect(batch.ids[0]).toBe(batch.ids[1]);
    await rig.settle();
    expect(runs).toBe(2);
  });

  it("an event nothing listens to is stored already fanned out; one a wait wants still resumes the wait", async () => {
    handle = await freshPostgres("quiet");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "waiter", triggers: [{ event: "test/intent" }] }, async ({ step }) => {
        const paid = await step.waitForEvent("paid", { event: "test/paid", match: "data.intent", timeout: "1h" });
        return paid ? paid.data.amount : "timeout";
      }),
    ]);
    const row = async (externalId: string) => (await handle!.db.select().from(inngestEvents).where(eq(inngestEvents.externalId, externalId)))[0];
    // No function and no wait: stored fanned out, nothing runs.
    await rig.client.send({ id: "evt_noise", name: "test/noise", data: {} });
    expect((await row("evt_noise"))?.fannedOut).toBe(true);
    // test/paid is no function's trigger, but once a run waits for it, it is acted on.
    await rig.client.send({ id: "evt_intent", name: "test/intent", data: { intent: "pi_1" } });
    await rig.executor.idle();
    await rig.client.send({ id: "evt_paid_early", name: "test/paid", data: { intent: "pi_0", amount: 1 } });
    await rig.client.send({ id: "evt_paid", name: "test/paid", data: { intent: "pi_1", amount: 500 } });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-waiter");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe(500);
    expect((await row("evt_paid"))?.fannedOut).toBe(true);
    // With the wait taken, the next test/paid is quiet again; a resend of a quiet event is a duplicate.
    await rig.client.send({ id: "evt_paid_late", name: "test/paid", data: { intent: "pi_1", amount: 7 } });
    expect((await row("evt_paid_late"))?.fannedOut).toBe(true);
    const again = await rig.client.send({ id: "evt_noise", name: "test/noise", data: {} });
    expect(again.ids).toEqual([(await row("evt_noise"))!.id]);
    expect(await rig.executor.storage.listEvents("test/noise")).toHaveLength(1);
    expect(await rig.executor.runs("kassa-test-waiter")).toHaveLength(1);

    // A relay's batch of quiet events, stored together: new ones, a resend, one a wait wants, one sender id twice.
    await rig.client.send({ id: "evt_intent_2", name: "test/intent", data: { intent: "pi_2" } });
    await rig.executor.idle();
    const storage = rig.executor.storage;
    const oneByOne: (string | undefined)[] = [];
    const insertEvent = storage.insertEvent.bind(storage);
    storage.insertEvent = (e, externalId, ...rest) => (oneByOne.push(externalId), insertEvent(e, externalId, ...rest));
    const batch = await rig.client.send([
      { id: "evt_b1", name: "test/noise", data: { n: 1 } },
      { id: "evt_noise", name: "test/noise", data: {} },
      { id: "evt_paid_2", name: "test/paid", data: { intent: "pi_2", amount: 900 } },
      { id: "evt_b1", name: "test/noise", data: { n: 1 } },
      { id: "evt_b2", name: "test/noise", data: { n: 2 } },
    ]);
    await rig.settle();
    const [b1, b2, paid2, noise] = await Promise.all(["evt_b1", "evt_b2", "evt_paid_2", "evt_noise"].map(row));
    expect(batch.ids).toEqual([b1!.id, noise!.id, paid2!.id, b1!.id, b2!.id]);
    expect([b1, b2].map((r) => [r!.data, r!.fannedOut])).toEqual([
      [{ n: 1 }, true],
      [{ n: 2 }, true],
    ]);
    expect(paid2!.fannedOut).toBe(true);
    const waiters = await rig.executor.runs("kassa-test-waiter");
    expect(waiters.map((r) => [r.status, r.output]).sort()).toEqual([
      ["completed", 500],
      ["completed", 900],
    ]);
    expect(await rig.executor.storage.listEvents("test/noise")).toHaveLength(3);
    // Only the resend went on its own (to find the event it duplicates); the new ones were one statement. (The run's
    // own finished event, which has no sender id, is the engine's, not the batch's.)
    expect(oneByOne.filter((id) => id !== undefined)).toEqual(["evt_noise"]);
  });

  it("dedupes an SDK resend that carries the same x-inngest-event-id-seed", async () => {
    handle = await freshPostgres("seed");
    executor = await startExecutor({ db: handle.db, port: 0 });
    const send = () =>
      fetch(`${executor!.url}/e/key`, {
        method: "POST",
        body: JSON.stringify([{ name: "test/a" }, { name: "test/b" }]),
        headers: { "content-type": "application/json", "x-inngest-event-id-seed": "1700000000000,AAAA" },
      }).then((r) => r.json());
    const first = await send();
    expect(await send()).toEqual(first);
    expect(await executor.storage.listEvents()).toHaveLength(2);
  });

  it("runs functions on PGlite too (inngest.send → run → step memo)", async () => {
    handle = await freshPglite();
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "lite", triggers: [{ event: "test/lite" }] }, async ({ step, event }) => {
        const doubled = await step.run("double", () => event.data.n * 2);
        await step.sleep("nap", "5s");
        return doubled;
      }),
    ]);
    await rig.client.send({ name: "test/lite", data: { n: 21 } });
    await rig.settle();
    const [run] = await rig.executor.runs("kassa-test-lite");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe(42);
    // Quiet events with sender ids (an outbox's) are stored in one statement on PGlite too, a resend once.
    const quiet = await rig.client.send([
      { id: "evt_lite_1", name: "test/noise", data: { n: 1 } },
      { id: "evt_lite_2", name: "test/noise", data: {} },
    ]);
    const resent = await rig.client.send([{ id: "evt_lite_1", name: "test/noise", data: { n: 1 } }]);
    expect(resent.ids).toEqual([quiet.ids[0]]);
    const stored = await rig.executor.storage.listEvents("test/noise");
    expect(stored.map((e) => [e.id, e.data]).sort()).toEqual(
      [
        [quiet.ids[0], { n: 1 }],
        [quiet.ids[1], {}],
      ].sort(),
    );
  });
});

describe("sync at start", () => {
  it("keeps trying to sync appUrl until the app is up", async () => {
    handle = await freshPostgres("syncstart");
    const { createServer } = await import("node:http");
    const { serve } = await import("inngest/node");
    const { testClient } = await import("./test-app");
    // A free port: the executor syncs against it while nothing listens there yet.
    const port = await freePort();
    const log = { warn() {}, error() {} };
    executor = await startExecutor({ db: handle.db, port: 0, appUrl: `http://127.0.0.1:${port}/api/inngest`, log });
    const client = testClient(executor.url);
    const fn = client.createFunction({ id: "late", triggers: [{ event: "test/late" }] }, async () => "ok");
    await new Promise((r) => setTimeout(r, 300));
    expect(await executor.storage.listFunctions()).toEqual([]);
    const app = createServer(serve({ client, functions: [fn] }));
    await new Promise<void>((r) => app.listen(port, "127.0.0.1", () => r()));
    try {
      const deadline = Date.now() + 5_000;
      while ((await executor.storage.listFunctions()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await executor.storage.listFunctions()).map((f) => f.id)).toEqual(["kassa-test-late"]);
    } finally {
      app.close();
      app.closeAllConnections();
    }
  });
});

describe("events before the first sync", () => {
  it("an event sent before the app is up waits for the sync, then starts its run (it is not dropped as matching no function)", async () => {
    handle = await freshPostgres("syncfirst");
    const { createServer } = await import("node:http");
    const { serve } = await import("inngest/node");
    const { testClient } = await import("./test-app");
    const port = await freePort();
    const log = { warn() {}, error() {} };
    executor = await startExecutor({ db: handle.db, port: 0, appUrl: `http://127.0.0.1:${port}/api/inngest`, log });
    const client = testClient(executor.url);
    const fn = client.createFunction({ id: "early", triggers: [{ event: "test/early" }] }, async ({ event }) => event.data.n);
    // Over HTTP, as the outbox relay sends: the request is held while nothing is registered.
    let answered = false;
    const sent = client.send({ name: "test/early", data: { n: 7 } }).then((r) => ((answered = true), r));
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    expect(await executor.storage.listFunctions()).toEqual([]);
    const app = createServer(serve({ client, functions: [fn] }));
    await new Promise<void>((r) => app.listen(port, "127.0.0.1", () => r()));
    try {
      await sent;
      const deadline = Date.now() + 5_000;
      while ((await executor.runs("kassa-test-early")).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const [run] = await executor.runs("kassa-test-early");
      expect((await executor.waitForRun(run!.id)).output).toBe(7);
    } finally {
      app.close();
      app.closeAllConnections();
    }
  });
});

describe("restart safety", () => {
  it("a run sleeping when the executor stops resumes under a new executor on the same database", async () => {
    handle = await freshPostgres("restart");
    const clock = new FakeClock();
    let after = 0;
    const define: Parameters<typeof startRig>[1] = (c) => [
      c.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
        const before = await step.run("before", () => "b");
        // "90m" goes on the wire as "1h30m"; the SDK cannot parse "1h30m" itself (ms() → NaN → "").
        await step.sleep("long", "90m");
        const a = await step.run("after", () => ++after);
        return { before, a };
      }),
    ];
    const first = await startRig(handle.db, define, clock);
    await first.executor.sendEvent({ name: "test/sleep" });
    await first.executor.idle();
    const [sleeping] = await first.executor.runs("kassa-test-sleeper");
    expect(sleeping?.error ?? null).toBeNull();
    expect(sleeping?.status).toBe("running");
    expect((await first.executor.nextDueAt())?.getTime()).toBe(clock.now().getTime() + 90 * 60_000);
    await first.close();

    await clock.advance(90 * 60_000);
    rig = await startRig(handle.db, define, clock);
    await rig.settle();
    const run = await rig.executor.waitForRun(sleeping!.id);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ before: "b", a: 1 });
  });
});
