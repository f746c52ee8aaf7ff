import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { freshPostgres } from "@/test/db";
import type { DatabaseHandle } from "@/db/client";
import { nextCronTime } from "./cron";
import { FakeClock, startExecutor, type Executor } from "./index";
import { canonicalJson } from "../signature";
import { startRig, type TestRig } from "./test-app";

let handle: DatabaseHandle | undefined;
let rig: TestRig | undefined;
let executor: Executor | undefined;
let closeApp: (() => void) | undefined;
afterEach(async () => {
  await rig?.close();
  await executor?.stop();
  closeApp?.();
  await handle?.close();
  rig = handle = executor = closeApp = undefined;
});

describe("cron", () => {
  it("computes next fire times in UTC", () => {
    const at = new Date("2026-01-01T03:16:30Z");
    expect(nextCronTime("17 3 * * *", at).toISOString()).toBe("2026-01-01T03:17:00.000Z");
    expect(nextCronTime("17 3 * * *", new Date("2026-01-01T03:17:00Z")).toISOString()).toBe("2026-01-02T03:17:00.000Z");
    expect(nextCronTime("*/15 * * * *", at).toISOString()).toBe("2026-01-01T03:30:00.000Z");
    expect(nextCronTime("TZ=UTC 0 9 * * 1", at).toISOString()).toBe("2026-01-05T09:00:00.000Z");
    expect(() => nextCronTime("TZ=Asia/Kolkata 0 9 * * *", at)).toThrow(/UTC only/);
  });

  it("starts a run at each cron tick, and the schedule survives re-syncing", async () => {
    handle = await freshPostgres("cron");
    const clock = new FakeClock(new Date("2026-01-01T00:00:00Z"));
    rig = await startRig(handle.db, (c) => [c.createFunction({ id: "nightly", triggers: [{ cron: "0 2 * * *" }] }, async ({ event }) => event.name)], clock);
    expect((await rig.executor.nextDueAt())?.toISOString()).toBe("2026-01-01T02:00:00.000Z");
    await rig.executor.syncApp(rig.appUrl);
    await clock.advanceTo(new Date("2026-01-01T02:00:00Z"));
    await rig.executor.idle();
    await clock.advanceTo(new Date("2026-01-02T02:00:00Z"));
    await rig.executor.idle();
    const runs = await rig.executor.runs("kassa-test-nightly");
    expect(runs.map((r) => [r.status, r.output])).toEqual([
      ["completed", "inngest/scheduled.timer"],
      ["completed", "inngest/scheduled.timer"],
    ]);
    expect((await rig.executor.nextDueAt())?.toISOString()).toBe("2026-01-03T02:00:00.000Z");
  });
});

describe("request signing", () => {
  it("signs calls so a cloud-mode serve() handler accepts them", async () => {
    handle = await freshPostgres("sign");
    const signingKey = "signkey-test-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    executor = await startExecutor({ db: handle.db, port: 0, clock: new FakeClock(), jitter: () => 0, signingKey, log: { warn() {}, error() {} } });
    const client = new Inngest({
      id: "kassa-test",
      isDev: false,
      baseUrl: executor.url,
      signingKey,
      eventKey: "test-key",
      checkpointing: false,
      logger: { info() {}, warn() {}, error() {}, debug() {} },
    });
    const fn = client.createFunction({ id: "signed", triggers: [{ event: "test/signed" }] }, async ({ step }) => step.run("s", () => "ok"));
    const server = createServer(serve({ client, functions: [fn] }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    closeApp = () => {
      server.close();
      server.closeAllConnections();
    };
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;

    // Unsigned calls are refused in cloud mode — the check below is not vacuous.
    const unsigned = await fetch(`${appUrl}?fnId=kassa-test-signed&stepId=step`, {
      method: "POST",
      body: canonicalJson({
        version: 2,
        event: { name: "x", data: {} },
        events: [],
        steps: {},
        ctx: { run_id: "r", attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
      }),
      headers: { "content-type": "application/json" },
    });
    expect(unsigned.status).toBe(401);

    await executor.syncApp(appUrl);
    await executor.sendEvent({ name: "test/signed" });
    await executor.idle();
    const [run] = await executor.runs("kassa-test-signed");
    expect(run?.error ?? null).toBeNull();
    expect(run?.output).toBe("ok");
  });
});
