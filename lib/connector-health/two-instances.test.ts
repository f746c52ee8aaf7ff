// Breaker state shared by app instances through Postgres, as the acceptance asks: two instances on
// two database handles (pools and LISTEN connections of their own) to one database, and an instance in a
// second OS process. A transition on one reaches the other by NOTIFY at commit — no TTL to wait — and the
// probe goes to only one. When the LISTEN connection is lost, an instance reads the database rather than
// trust its copy; where there is no LISTEN at all (Neon), a read is trusted for the fallback TTL only.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { freshPostgres } from "@/test/db";
import { countStatements, freshConnector, manualClock, startedHealth } from "@/test/connector-health";
import { startNeonWsProxy, type NeonWsProxy } from "@/test/neon-ws-proxy";
import type { ConnectorHealth } from "./connector-health";
import type { Admission, BreakerSnapshot, ConnectorKey } from "./types";

let a: DatabaseHandle & { url: string };
let b: DatabaseHandle;
const started: ConnectorHealth[] = [];

beforeAll(async () => {
  a = await freshPostgres("breaker2");
  b = await openDatabase(a.url);
});
afterAll(async () => {
  await Promise.all(started.map((h) => h.stop()));
  await b?.close();
  await a?.close();
});

const keep = (h: ConnectorHealth) => (started.push(h), h);
const sees = (health: ConnectorHealth, key: ConnectorKey, state: string | undefined) =>
  expect.poll(() => health.breaker(key)?.state, { timeout: 10_000, interval: 2 }).toBe(state);
const failTimes = async (health: ConnectorHealth, key: ConnectorKey, n: number) => {
  for (let i = 0; i < n; i++) await health.record(key, "transient_failure", 20);
};

describe("two instances on two database handles", () => {
  it("instance 1 opens the breaker; instance 2 refuses at once, from memory (NOTIFY, no TTL, no query)", async () => {
    const clock = manualClock();
    const one = keep(await startedHealth(a, { now: clock.now }));
    const two = keep(await startedHealth(b, { now: clock.now }));
    const key = { connector: freshConnector(), livemode: false };
    expect(await two.admit(key)).toMatchObject({ admitted: true });

    await failTimes(one, key, 5);
    await sees(two, key, "open");
    const counted = countStatements(b);
    try {
      expect(await two.admit(key)).toEqual({ admitted: false, state: "open", retryAt: new Date(clock.t + 60_000) });
      expect(counted.count()).toBe(0);
    } finally {
      counted.restore();
    }

    // The probe goes to one of them, however many ask on both.
    clock.advance(60_000);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).admit(key)));
    expect(answers.filter((x) => x.admitted)).toEqual([{ admitted: true, probe: true, state: "half_open" }]);
    const prober = answers.findIndex((x) => x.admitted) % 2 ? one : two;
    const other = prober === one ? two : one;
    await prober.record(key, "success", 15);
    await sees(other, key, "closed");
    expect(await other.admit(key)).toEqual({ admitted: true, probe: false, state: "closed" });
  });

  it("failures counted on either instance add up: consecutive across the fleet", async () => {
    const clock = manualClock();
    const one = keep(await startedHealth(a, { now: clock.now }));
    const two = keep(await startedHealth(b, { now: clock.now }));
    const key = { connector: freshConnector(), livemode: true };
    await failTimes(one, key, 2);
    await failTimes(two, key, 2);
    // Instance 2 knows the count is not zero (it saw instance 1's increments), so its success resets it.
    await two.record(key, "success", 10);
    await sees(one, key, "closed");
    await expect.poll(() => one.breaker(key)?.consecutiveFailures, { timeout: 10_000, interval: 2 }).toBe(0);
    await failTimes(one, key, 3);
    await sees(two, key, "closed");
    await failTimes(two, key, 2);
    await sees(one, key, "open");
  });

  it("when its LISTEN connection is lost an instance reads every breaker from the database, then listens again", async () => {
    const clock = manualClock();
    const one = keep(await startedHealth(a, { now: clock.now }));
    const two = keep(await startedHealth(b, { now: clock.now }));
    const key = { connector: freshConnector(), livemode: false };
    expect(two.listening).toBe(true);
    // Kill every LISTEN backend of this database (both instances' listeners, named kassa:<channel>:… by db/client.ts).
    await a.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and starts_with(application_name, 'kassa:') and pid <> pg_backend_pid()`,
    );
    await expect.poll(() => two.listening, { timeout: 15_000, interval: 5 }).toBe(false);

    // Nothing it held is trusted: the change made meanwhile (its notification lost) is seen at once.
    const counted = countStatements(b);
    try {
      expect(await two.admit(key)).toMatchObject({ admitted: true });
      expect(counted.count()).toBe(1);
      await failTimes(one, key, 5);
      expect(await two.admit(key)).toMatchObject({ admitted: false, state: "open" });
      expect(counted.count()).toBe(2);
    } finally {
      counted.restore();
    }

    await expect.poll(() => two.listening && two.breaker(key)?.state, { timeout: 15_000, interval: 20 }).toBe("open");
    const again = countStatements(b);
    try {
      expect(await two.admit(key)).toMatchObject({ admitted: false, state: "open" });
      expect(await two.admit({ connector: freshConnector(), livemode: false })).toMatchObject({ admitted: true });
      expect(again.count()).toBe(0);
    } finally {
      again.restore();
    }
  });

  it("without LISTEN (as on Neon) a read is trusted for the fallback TTL, then read again", async () => {
    const clock = manualClock();
    const one = keep(await startedHealth(a, { now: clock.now }));
    const noListen = keep(await startedHealth({ db: b.db }, { now: clock.now, fallbackTtlMs: 1_000 }));
    const key = { connector: freshConnector(), livemode: false };
    const counted = countStatements(b);
    try {
      expect(await noListen.admit(key)).toMatchObject({ admitted: true });
      expect(await noListen.admit(key)).toMatchObject({ admitted: true });
      expect(counted.count()).toBe(1);
      await failTimes(one, key, 5);
      clock.advance(999);
      expect((await noListen.admit(key)).admitted).toBe(true); // within the TTL: the old read
      clock.advance(1);
      expect(await noListen.admit(key)).toMatchObject({ admitted: false, state: "open" });
      expect(counted.count()).toBe(2);
    } finally {
      counted.restore();
    }
  });
});

describe("the Neon serverless driver (through a local WebSocket proxy)", () => {
  let proxy: NeonWsProxy;
  let neon: DatabaseHandle;
  beforeAll(async () => {
    proxy = await startNeonWsProxy();
    vi.stubEnv("DATABASE_DRIVER", "neon");
    vi.stubEnv("NEON_WS_PROXY", proxy.address);
    try {
      neon = await openDatabase(a.url);
    } finally {
      vi.unstubAllEnvs();
    }
    await migrateDatabase(neon);
  });
  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
  });

  it("cannot listen, so it works from short reads: opens, refuses, hands out one probe, closes", async () => {
    expect(neon.driver).toBe("neon");
    expect(neon.listen).toBeUndefined();
    const clock = manualClock();
    const health = keep(await startedHealth(neon, { now: clock.now }));
    const peer = keep(await startedHealth(a, { now: clock.now }));
    expect(health.listening).toBe(false);
    const key = { connector: freshConnector("neon"), livemode: false };
    await failTimes(health, key, 5);
    expect(await health.admit(key)).toMatchObject({ admitted: false, state: "open" });
    await sees(peer, key, "open");
    clock.advance(60_000);
    const answers = await Promise.all([health.admit(key), peer.admit(key), health.admit(key), peer.admit(key)]);
    expect(answers.filter((x) => x.admitted)).toHaveLength(1);
    await (answers.findIndex((x) => x.admitted) % 2 ? peer : health).record(key, "success", 5);
    clock.advance(1_000);
    expect(await health.admit(key)).toMatchObject({ admitted: true, state: "closed" });
  });
});

/** A second OS process running the module against the same database (test/connector-health-child.ts). */
class ChildInstance {
  private next = 1;
  private waiting = new Map<number, (result: unknown) => void>();
  readonly ready: Promise<unknown>;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.ready = new Promise((resolve) => this.waiting.set(0, resolve));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      if (!line.startsWith("@@")) return;
      const { id, result } = JSON.parse(line.slice(2)) as { id: number; result: unknown };
      this.waiting.get(id)?.(result);
      this.waiting.delete(id);
    });
  }
  static spawn(url: string, openMs: number): ChildInstance {
    const child = spawn(process.execPath, ["--import", "tsx", "test/connector-health-child.ts", url, String(openMs)], {
      cwd: process.cwd(),
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    return new ChildInstance(child);
  }
  private send<T>(op: string, key?: ConnectorKey, outcome?: string): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, resolve as (r: unknown) => void);
      this.child.stdin.write(`${JSON.stringify({ id, op, key, outcome })}\n`);
    });
  }
  admit = (key: ConnectorKey) => this.send<Admission>("admit", key);
  record = (key: ConnectorKey, outcome: string) => this.send<null>("record", key, outcome);
  breaker = (key: ConnectorKey) => this.send<BreakerSnapshot | null>("breaker", key);
  async quit(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.stdin.end(`${JSON.stringify({ id: -1, op: "quit" })}\n`);
    await exited;
  }
}

describe("an instance in a second process", () => {
  it("sees the other process's transitions by NOTIFY, and only one of the two gets the probe", { timeout: 60_000 }, async () => {
    const openMs = 3_000; // long enough that a loaded machine sees it open before the probe is due
    const child = ChildInstance.spawn(a.url, openMs);
    try {
      expect(await child.ready).toEqual({ listening: true });
      const here = keep(await startedHealth(a, { openMs }));
      const key = { connector: freshConnector("proc"), livemode: false };

      for (let i = 0; i < 5; i++) await child.record(key, "transient_failure");
      await sees(here, key, "open");
      expect(await here.admit(key)).toMatchObject({ admitted: false, state: "open" });

      await new Promise((r) => setTimeout(r, openMs + 50));
      const answers = await Promise.all([child.admit(key), here.admit(key), child.admit(key), here.admit(key)]);
      expect(answers.filter((x) => x.admitted)).toEqual([{ admitted: true, probe: true, state: "half_open" }]);
      const childProbed = answers.findIndex((x) => x.admitted) % 2 === 0;

      if (childProbed) await child.record(key, "success");
      else await here.record(key, "success", 5);
      await sees(here, key, "closed");
      await expect.poll(async () => (await child.breaker(key))?.state, { timeout: 10_000, interval: 5 }).toBe("closed");
    } finally {
      await child.quit();
    }
  });
});
