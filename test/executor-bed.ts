import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { FakeClock, startExecutor, type Executor } from "@/inngest/local";
import { startApp } from "@/inngest/local/test-app";
import type { EventSender } from "@/lib/events/publish-events";
import { publishPendingEvents } from "@/lib/events/publish-events";
import { freshPostgres } from "@/test/db";
import { freePort } from "@/scripts/pg-server";

const silent = { warn: () => {}, error: () => {} };

export interface ExecutorBed {
  /** The file's fresh PostgreSQL database (also DATABASE_URL, so services and the sandboxes open it). */
  readonly h: DatabaseHandle & { url: string };
  /** The local executor of the current test (a new one per test unless `freshPerTest: false`). */
  readonly executor: Executor;
  /** Its fake clock, starting a second before the test began (a clock never goes back). */
  readonly clock: FakeClock;
  /** Hands every committed outbox event to the executor and waits until nothing is running or due. */
  pump(): Promise<void>;
  /** Moves the clock to `at` and pumps. */
  advanceTo(at: Date | number): Promise<void>;
  /** Moves the clock from due timer to due timer (as time passes) up to `at`, pumping at each. */
  runUntil(at: Date | number): Promise<void>;
  /** Stops the executor and starts a new one on the same database, its clock at `at` or where it was (a crash and restart). */
  restart(at?: Date): Promise<void>;
}

/**
 * A test file on the real workflow path: Kassa's functions (inngest/index.ts) served by the real serve()
 * handler, run by the local executor on a fake clock, on a fresh PostgreSQL; outbox events reach the
 * executor through the same publisher the relay uses. Registers its own hooks; call at the file's top.
 * `onEngine` runs after each executor starts (e.g. to point a sandbox at the new clock).
 */
export function executorTestBed(label: string, opts: { freshPerTest?: boolean; onEngine?: (bed: ExecutorBed) => void | Promise<void> } = {}): ExecutorBed {
  let h: DatabaseHandle & { url: string };
  let executor: Executor | undefined;
  let clock: FakeClock;
  let app: { url: string; close(): Promise<void> } | undefined;
  let sendToInngest: EventSender;
  let port = 0;

  async function startEngine(at = new Date(Date.now() - 1000)): Promise<void> {
    await executor?.stop();
    clock = new FakeClock(at);
    executor = await startExecutor({ db: h.db, port, clock, jitter: () => 0, pollMs: 20, log: silent });
    if (app) await executor.syncApp(app.url);
    await opts.onEngine?.(bed);
  }

  const bed: ExecutorBed = {
    get h() {
      return h;
    },
    get executor() {
      return executor!;
    },
    get clock() {
      return clock;
    },
    async pump() {
      for (let i = 0; i < 30; i++) {
        await executor!.idle();
        if ((await publishPendingEvents({ send: sendToInngest })) === 0) {
          await executor!.idle();
          return;
        }
      }
      throw new Error("events kept coming");
    },
    async advanceTo(at) {
      await clock.advanceTo(new Date(at));
      await bed.pump();
    },
    async runUntil(at) {
      const until = new Date(at).getTime();
      for (let i = 0; i < 2000; i++) {
        await bed.pump();
        const next = await executor!.nextDueAt();
        if (!next || next.getTime() > until) {
          await clock.advanceTo(new Date(until));
          await bed.pump();
          return;
        }
        await clock.advanceTo(next);
      }
      throw new Error("the clock kept finding work");
    },
    async restart(at) {
      await startEngine(at ?? clock.now());
    },
  };

  beforeAll(async () => {
    h = await freshPostgres(label);
    process.env.DATABASE_URL = h.url;
    port = await freePort();
    await startEngine();
    process.env.INNGEST_DEV = executor!.url;
    const { inngest } = await import("@/inngest/client");
    const { functions } = await import("@/inngest/index");
    ({ sendToInngest } = await import("@/inngest/send"));
    app = await startApp(inngest, functions);
    await executor!.syncApp(app.url);
  });
  if (opts.freshPerTest !== false) beforeEach(() => startEngine());
  afterAll(async () => {
    await executor?.stop();
    await app?.close();
    await h?.close();
  });
  return bed;
}
