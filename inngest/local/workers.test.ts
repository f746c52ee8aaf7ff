// The executor's queue under load: it works on at most `workers` items at once (a backlog is not all called at
// once), and it keeps the lease of a step it is still calling, so a step slower than the lease runs once.
import { afterEach, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { freshPostgres } from "@/test/db";
import { FakeClock } from "./index";
import { startRig, type TestRig } from "./test-app";

let handle: DatabaseHandle | undefined;
let rig: TestRig | undefined;
afterEach(async () => {
  await rig?.close();
  await handle?.close();
  rig = handle = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
