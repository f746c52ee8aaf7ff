import { afterEach, describe, expect, it } from "vitest";
import { NonRetriableError, RetryAfterError } from "inngest";
import { freshPostgres } from "@/test/db";
import type { DatabaseHandle } from "@/db/client";
import { FakeClock } from "./index";
import { startRig, type TestRig } from "./test-app";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let handle: DatabaseHandle | undefined;
let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.close();
  await handle?.close();
  rig = handle = undefined;
});

async function runsOf(r: TestRig, fnId: string) {
  return r.executor.runs(`kassa-test-${fnId}`);
}

describe("local executor against the real serve() handler", () => {
  it("memoises steps: each step body runs once and the output is the return value", async () => {
    handle = await freshPostgres("memo");
    const calls: string[] = [];
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "memo", triggers: [{ event: "test/memo" }] }, async ({ step, event }) => {
        const a = await step.run("a", () => {
          calls.push("a");
          return event.data.n + 1;
        });
        const b = await step.run("b", () => {
          calls.push("b");
          return a * 10;
        });
        return { a, b };
      }),
    ]);
    await rig.executor.sendEvent({ name: "test/memo", data: { n: 1 } });
    await rig.settle();
    const [run] = await runsOf(rig, "memo");
    expect(run?.status).toBe("completed");
    expect(run?.output).toEqual({ a: 2, b: 20 });
    expect(calls).toEqual(["a", "b"]);
    const steps = await rig.executor.storage.getSteps(run!.id);
    expect(steps.map((s) => s.result)).toEqual([{ data: 2 }, { data: 20 }]);
  });

  it("retries a step that fails twice with the backoff table, keeping earlier memos (3 attempts)", async () => {
    handle = await freshPostgres("retry");
    let before = 0,
      flaky = 0;
    const attempts: number[] = [];
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }] }, async ({ step, attempt }) => {
        await step.run("before", () => ++before);
        return step.run("flaky", () => {
          attempts.push(attempt);
          if (++flaky < 3) throw new Error(`boom ${flaky}`);
          return "ok";
        });
      }),
    ]);
    const t0 = rig.clock.now().getTime();
    await rig.executor.sendEvent({ name: "test/flaky" });
    await rig.settle();
    const [run] = await runsOf(rig, "flaky");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe("ok");
    expect(before).toBe(1);
    expect(attempts).toEqual([0, 1, 2]);
    expect(rig.clock.now().getTime() - t0).toBe(15_000 + 30_000);
    const steps = await rig.executor.storage.getSteps(run!.id);
    expect(steps.map((s) => [s.result, s.attempts])).toEqual([
      [{ data: 1 }, 1],
      [{ data: "ok" }, 3],
    ]);
  });

  it("NonRetriableError fails after one attempt and runs onFailure with the error", async () => {
    handle = await freshPostgres("nonretry");
    let runs = 0;
    const failures: { message: string; fn: unknown }[] = [];
    rig = await startRig(handle.db, (c) => [
      c.createFunction(
        {
          id: "doomed",
          triggers: [{ event: "test/doomed" }],
          onFailure: async ({ error, event }: { error: Error; event: { data: { function_id?: unknown } } }) => {
            failures.push({ message: error.message, fn: event.data.function_id });
          },
        },
        async ({ step }) => {
          await step.run("explode", () => {
            runs++;
            throw new NonRetriableError("card permanently declined");
          });
        },
      ),
    ]);
    await rig.executor.sendEvent({ name: "test/doomed" });
    await rig.settle();
    const [run] = await runsOf(rig, "doomed");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toContain("card permanently declined");
    expect(runs).toBe(1);
    expect(failures).toEqual([{ message: "card permanently declined", fn: "kassa-test-doomed" }]);
    const [failureRun] = await runsOf(rig, "doomed-failure");
    expect(failureRun?.status).toBe("completed");
    const finished = await rig.executor.storage.listEvents("inngest/function.finished");
    expect(finished.map((e) => e.data.function_id)).toEqual(expect.arrayContaining(["kassa-test-doomed", "kassa-test-doomed-failure"]));
  });

  it("retries a function-level error (500) with backoff, then succeeds", async () => {
    handle = await freshPostgres("fn500");
    const attempts: number[] = [];
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "shaky", triggers: [{ event: "test/shaky" }], retries: 2 }, async ({ attempt }) => {
        attempts.push(attempt);
        if (attempt < 2) throw new Error("database unavailable");
        return "recovered";
      }),
    ]);
    const t0 = rig.clock.now().getTime();
    await rig.executor.sendEvent({ name: "test/shaky" });
    await rig.executor.idle();
    const [first] = await runsOf(rig, "shaky");
    expect(first?.status).toBe("running");
    expect((await rig.executor.nextDueAt())?.getTime()).toBe(t0 + 15_000);
    await rig.settle();
    const [run] = await runsOf(rig, "shaky");
    expect(run?.status).toBe("completed");
    expect(attempts).toEqual([0, 1, 2]);
    expect(rig.clock.now().getTime() - t0).toBe(45_000);
  });

  it("fails for good once retries are used up (retries: 1 → 2 attempts)", async () => {
    handle = await freshPostgres("exhaust");
    let calls = 0;
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "always", triggers: [{ event: "test/always" }], retries: 1 }, async () => {
        calls++;
        throw new Error("still down");
      }),
    ]);
    await rig.executor.sendEvent({ name: "test/always" });
    await rig.settle();
    const [run] = await runsOf(rig, "always");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toBe("still down");
    expect(calls).toBe(2);
    const failed = await rig.executor.storage.listEvents("inngest/function.failed");
    expect(failed.map((e) => e.data.run_id)).toEqual([run!.id]);
  });

  it("runs a 10-minute polling loop (step.run + step.sleep('1m') ×10) on the fake clock", async () => {
    handle = await freshPostgres("poll");
    let polls = 0;
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "poll", triggers: [{ event: "test/poll" }] }, async ({ step }) => {
        for (let i = 0; i < 10; i++) {
          const status = await step.run("check", () => (++polls >= 10 ? "paid" : "pending"));
          if (status === "paid") return { polls: i + 1 };
          await step.sleep("wait", "1m");
        }
        return { polls: -1 };
      }),
    ]);
    const t0 = rig.clock.now().getTime();
    const started = Date.now();
    await rig.executor.sendEvent({ name: "test/poll" });
    await rig.settle();
    const [run] = await runsOf(rig, "poll");
    expect(run?.status).toBe("completed");
    expect(run?.output).toEqual({ polls: 10 });
    expect(polls).toBe(10);
    expect(rig.clock.now().getTime() - t0).toBe(9 * 60_000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("resolves parallel steps (Promise.all of three step.run) with the pending-set rule", async () => {
    handle = await freshPostgres("parallel");
    const ran: string[] = [];
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "par", triggers: [{ event: "test/par" }] }, async ({ step }) => {
        const [x, y, z] = await Promise.all(
          ["x", "y", "z"].map((id) =>
            step.run(id, () => {
              ran.push(id);
              return id.toUpperCase();
            }),
          ),
        );
        const joined = await step.run("join", () => `${x}${y}${z}`);
        return joined;
      }),
    ]);
    await rig.executor.sendEvent({ name: "test/par" });
    await rig.settle();
    const [run] = await runsOf(rig, "par");
    expect(run?.status).toBe("completed");
    expect(run?.output).toBe("XYZ");
    expect([...ran].sort()).toEqual(["x", "y", "z"]);
    expect(run?.disableImmediateExecution).toBe(true);
    // Pending-set rule: discovery (stepId=step) only at start, after all three, and after "join" —
    // not after each parallel step.
    const stepIds = rig.calls.map((c) => c.stepId);
    expect(stepIds.filter((id) => id === "step")).toHaveLength(3);
    expect(stepIds.slice(0, 1)).toEqual(["step"]);
    expect(stepIds.slice(4, 5)).toEqual(["step"]);
  });

  it("fails a run loudly on an op it does not support", async () => {
    handle = await freshPostgres("unsupported");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "signal", triggers: [{ event: "test/signal" }] }, async ({ step }) => {
        await step.waitForSignal("await-approval", { signal: "approve", timeout: "1h" });
      }),
    ]);
    await rig.executor.sendEvent({ name: "test/signal" });
    await rig.settle();
    const [run] = await runsOf(rig, "signal");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toMatch(/unsupported op "WaitForSignal" at step "await-approval"/);
  });

  it("fans one event out to every function it triggers", async () => {
    handle = await freshPostgres("fanout");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "one", triggers: [{ event: "test/paid" }] }, async ({ event }) => `one:${event.data.id}`),
      c.createFunction({ id: "two", triggers: [{ event: "test/paid" }] }, async ({ event }) => `two:${event.data.id}`),
      c.createFunction({ id: "other", triggers: [{ event: "test/refunded" }] }, async () => "other"),
    ]);
    await rig.executor.sendEvent({ name: "test/paid", data: { id: "pay_1" } });
    await rig.settle();
    const runs = await rig.executor.runs();
    expect(runs.map((r) => [r.functionId, r.status, r.output]).sort()).toEqual([
      ["kassa-test-one", "completed", "one:pay_1"],
      ["kassa-test-two", "completed", "two:pay_1"],
    ]);
  });

  it("RetryAfterError sets the next attempt's time instead of the backoff table", async () => {
    handle = await freshPostgres("retryafter");
    let calls = 0;
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "limited", triggers: [{ event: "test/limited" }] }, async ({ step }) =>
        step.run("call-psp", () => {
          if (++calls === 1) throw new RetryAfterError("PSP rate limit", "2m");
          return "done";
        }),
      ),
    ]);
    const t0 = rig.clock.now().getTime();
    await rig.executor.sendEvent({ name: "test/limited" });
    await rig.executor.idle();
    expect((await rig.executor.nextDueAt())?.getTime()).toBe(t0 + 120_000);
    await rig.settle();
    const [run] = await runsOf(rig, "limited");
    expect(run?.output).toBe("done");
    expect(calls).toBe(2);
  });

  it("step.sleepUntil wakes at the given instant", async () => {
    handle = await freshPostgres("sleepuntil");
    rig = await startRig(handle.db, (c) => [
      c.createFunction({ id: "until", triggers: [{ event: "test/until" }] }, async ({ step, event }) => {
        await step.sleepUntil("expiry", new Date(event.data.at));
        return "woke";
      }),
    ]);
    const at = new Date(rig.clock.now().getTime() + 3 * 86_400_000);
    await rig.executor.sendEvent({ name: "test/until", data: { at: at.toISOString() } });
    await rig.executor.idle();
    expect((await rig.executor.nextDueAt())?.toISOString()).toBe(at.toISOString());
    await rig.settle();
    const [run] = await runsOf(rig, "until");
    expect(run?.output).toBe("woke");
    expect(rig.clock.now().toISOString()).toBe(at.toISOString());
  });

  it("fails a run that goes past the step limit", async () => {
    handle = await freshPostgres("maxsteps");
    let ran = 0;
    rig = await startRig(
      handle.db,
      (c) => [
        c.createFunction({ id: "greedy", triggers: [{ event: "test/greedy" }] }, async ({ step }) => {
          for (let i = 0; i < 10; i++) await step.run(`s${i}`, () => ++ran);
        }),
      ],
      undefined,
      { maxSteps: 3 },
    );
    await rig.executor.sendEvent({ name: "test/greedy" });
    await rig.settle();
    const [run] = await runsOf(rig, "greedy");
    expect(run?.status).toBe("failed");
    expect(run?.error?.message).toBe("run exceeded the maximum of 3 steps");
    expect(ran).toBe(4);
  });
});

// The queue under load: at most `workers` items at once (a backlog is not all called at once), and the lease of a
// step still being called is kept, so a step slower than the lease runs once.
describe("the executor's queue under load", () => {
  it("works on at most `workers` steps at once: 20 runs of a slow step with 3 workers never overlap more than 3", async () => {
    handle = await freshPostgres("workers");
    let now = 0,
      most = 0,
      bodies = 0;
    rig = await startRig(
      handle.db,
      (c) => [
        c.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ step }) =>
          step.run("work", async () => {
            bodies++;
            most = Math.max(most, ++now);
            await sleep(40);
            now--;
            return "done";
          }),
        ),
      ],
      undefined,
      { workers: 3 },
    );
    await rig.executor.sendEvent(Array.from({ length: 20 }, (_, i) => ({ name: "test/slow", data: { i } })));
    await rig.settle();
    const runs = await rig.executor.runs("kassa-test-slow");
    expect(runs.map((r) => r.status)).toEqual(Array(20).fill("completed"));
    expect(bodies).toBe(20);
    expect(most).toBe(3);
  });

  it("renews the lease of a step it is still calling: a 1.5 s step under a 300 ms lease runs once", async () => {
    handle = await freshPostgres("lease_renewal");
    const wall = new FakeClock();
    wall.now = () => new Date(); // leases are clock time; this one moves on its own
    let bodies = 0;
    rig = await startRig(
      handle.db,
      (c) => [
        c.createFunction({ id: "long", triggers: [{ event: "test/long" }] }, async ({ step }) =>
          step.run("work", async () => {
            bodies++;
            await sleep(1_500);
            return "done";
          }),
        ),
      ],
      wall,
      { leaseMs: 300 },
    );
    await rig.executor.sendEvent({ name: "test/long" });
    await expect.poll(async () => (await rig!.executor.runs("kassa-test-long")).length).toBe(1);
    const [started] = await rig.executor.runs("kassa-test-long");
    const run = await rig.executor.waitForRun(started!.id, { timeoutMs: 10_000 });
    expect(run.status).toBe("completed");
    expect(bodies).toBe(1);
  });
});
