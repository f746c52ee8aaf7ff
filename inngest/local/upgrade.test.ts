// A database made before the executor had its own schema (its tables were the app's, created by
// db/migrations/0001 and kept in public.inngest_*) must start on this code with every run, memoised
// step, event, timer, wait and registration intact — on Postgres and on a PGlite data directory, as
// `.data/` holds it. The old database is built with the app's migrations as they were (0000–0015)
// and rows written in the old layout; then the app starts as it does (its migrations, then the
// executor's), and a sleeping run finishes from where it was.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { createDatabase, freePort } from "@/scripts/pg-server";
import { FakeClock, startExecutor, type Executor } from "./index";
import { EXECUTOR_MIGRATIONS_FOLDER, migrateExecutor } from "./migrate";
import { startApp, testClient } from "./test-app";

const hash = (id: string) => createHash("sha1").update(id).digest("hex");
const T0 = new Date("2026-11-01T10:00:00Z");
const HOUR = 3_600_000;

/** The app's migrations as the code before the move had them: 0000–0015, the journal cut there. */
function oldAppMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-old-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 15);
  expect(journal.entries.at(-1).tag).toBe("0015_emails_resets_signups");
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries as { tag: string }[]) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/**
 * What the old executor had written for an app at `appUrl`: a run asleep in `step.sleep("nap", "1h")`
 * after its memoised step "before", a completed run, a run parked in waitForEvent with its timeout,
 * the registered function and its cron tick — all in public.inngest_*.
 */
async function writeOldRows(db: DatabaseHandle["db"], appUrl: string) {
  const fnUrl = `${appUrl}?fnId=kassa-test-nap&stepId=step`;
  const config = {
    id: "kassa-test-nap",
    name: "nap",
    triggers: [{ event: "test/nap" }],
    steps: { step: { id: "step", name: "step", runtime: { type: "http", url: fnUrl }, retries: { attempts: 4 } } },
  };
  const cronConfig = {
    id: "kassa-test-tick",
    name: "tick",
    triggers: [{ cron: "0 * * * *" }],
    steps: { step: { id: "step", name: "step", runtime: { type: "http", url: `${appUrl}?fnId=kassa-test-tick&stepId=step` } } },
  };
  const at = T0.toISOString();
  await db.execute(sql`insert into inngest_functions (id, app_id, name, url, config, updated_at) values
    ('kassa-test-nap', 'kassa-test', 'nap', ${fnUrl}, ${JSON.stringify(config)}::jsonb, ${at}),
    ('kassa-test-tick', 'kassa-test', 'tick', ${cronConfig.steps.step.runtime.url}, ${JSON.stringify(cronConfig)}::jsonb, ${at})`);
  await db.execute(sql`insert into inngest_events (id, external_id, name, data, "user", ts, received_at) values
    ('01OLDEVENTNAP0000000000001', 'evt_sender_1', 'test/nap', '{"merchant":"acct_old","n":1}'::jsonb, null, ${T0.getTime()}, ${at}),
    ('01OLDEVENTNAP0000000000002', null, 'test/nap', '{"merchant":"acct_old","n":2}'::jsonb, null, ${T0.getTime()}, ${at}),
    ('01OLDEVENTWAIT000000000003', null, 'test/wait', '{"merchant":"acct_old"}'::jsonb, null, ${T0.getTime()}, ${at})`);
  await db.execute(sql`insert into inngest_runs (id, function_id, event_ids, status, max_attempts, disable_immediate_execution, pending, idempotency_key, output, error, started_at, ended_at) values
    ('01OLDRUNASLEEP000000000001', 'kassa-test-nap', '["01OLDEVENTNAP0000000000001"]'::jsonb, 'running', 5, false, ${JSON.stringify([hash("nap")])}::jsonb, null, null, null, ${at}, null),
    ('01OLDRUNDONE00000000000002', 'kassa-test-nap', '["01OLDEVENTNAP0000000000002"]'::jsonb, 'completed', 5, false, '[]'::jsonb, null, '{"n":2}'::jsonb, null, ${at}, ${at}),
    ('01OLDRUNWAITING00000000003', 'kassa-test-wait', '["01OLDEVENTWAIT000000000003"]'::jsonb, 'running', 5, false, ${JSON.stringify([hash("go")])}::jsonb, null, null, null, ${at}, null)`);
  await db.execute(sql`insert into inngest_steps (run_id, step_id, position, op, name, result, attempts, completed_at) values
    ('01OLDRUNASLEEP000000000001', ${hash("before")}, 0, 'StepRun', 'before', '{"data":"remembered"}'::jsonb, 1, ${at})`);
  await db.execute(sql`insert into inngest_queue (id, run_id, kind, step_id, attempt, due_at, leased_until) values
    ('01OLDQUEUESLEEP00000000001', '01OLDRUNASLEEP000000000001', 'sleep', ${hash("nap")}, 0, ${new Date(T0.getTime() + HOUR).toISOString()}, null),
    ('01OLDQUEUEWAIT000000000002', '01OLDRUNWAITING00000000003', 'wait-timeout', ${hash("go")}, 0, ${new Date(T0.getTime() + 24 * HOUR).toISOString()}, null),
    ('01OLDQUEUECRON000000000003', 'kassa-test-tick', 'cron', '0 * * * *', 0, ${new Date(T0.getTime() + HOUR).toISOString()}, null)`);
  await db.execute(sql`insert into inngest_waits (run_id, step_id, event_name, expression, expires_at) values
    ('01OLDRUNWAITING00000000003', ${hash("go")}, 'test/go', 'event.data.merchant == async.data.merchant', ${new Date(T0.getTime() + 24 * HOUR).toISOString()})`);
}

const count = async (db: DatabaseHandle["db"], table: string) =>
  Number(((await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

let handle: DatabaseHandle | undefined;
let executor: Executor | undefined;
let app: { url: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await executor?.stop();
  await app?.close();
  await handle?.close();
  executor = app = handle = undefined;
});

/** Opens a database the way each target does: a fresh Postgres database, or a PGlite data directory. */
async function open(target: "postgres" | "pglite"): Promise<DatabaseHandle> {
  if (target === "postgres") return openDatabase(await createDatabase(inject("pgAdminUrl"), `kassa_upgrade_${process.pid}_${Date.now().toString(36)}`));
  return openDatabase(`pglite:${fs.mkdtempSync(path.join(os.tmpdir(), "kassa-old-data-"))}`);
}

describe.each(["postgres", "pglite"] as const)("a %s database made before the executor had its own schema", (target) => {
  it("starts with its runs, steps, events, waits, timers and registrations, and a sleeping run wakes and finishes", async () => {
    handle = await open(target);
    await migrateDatabase(handle, oldAppMigrations());
    // The old rows hold the app's URL; the same app comes back at that address after the upgrade.
    const appPort = await freePort();
    await writeOldRows(handle.db, `http://127.0.0.1:${appPort}/api/inngest`);
    for (const t of ["inngest_runs", "inngest_steps", "inngest_events", "inngest_queue", "inngest_waits", "inngest_functions"]) {
      expect(await count(handle.db, `public.${t}`)).toBeGreaterThan(0);
    }

    // The new code starts: the app's migrations (as getDatabaseHandle runs them), then the executor.
    await migrateDatabase(handle);
    expect(await count(handle.db, "inngest_handover.inngest_runs")).toBe(3);
    const clock = new FakeClock(T0);
    executor = await startExecutor({ db: handle.db, port: 0, clock, jitter: () => 0, pollMs: 20, log: { warn() {}, error() {} } });

    const runs = await executor.runs();
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      ["01OLDRUNASLEEP000000000001", "running"],
      ["01OLDRUNDONE00000000000002", "completed"],
      ["01OLDRUNWAITING00000000003", "running"],
    ]);
    expect(runs[0]!.pending).toEqual([hash("nap")]);
    expect(runs[1]!.output).toEqual({ n: 2 });
    expect((await executor.storage.getSteps("01OLDRUNASLEEP000000000001")).map((s) => [s.name, s.result])).toEqual([["before", { data: "remembered" }]]);
    expect((await executor.storage.getEvents(["01OLDEVENTNAP0000000000001"]))[0]).toMatchObject({ name: "test/nap", data: { merchant: "acct_old", n: 1 } });
    expect((await executor.storage.waitsFor("test/go")).map((w) => w.runId)).toEqual(["01OLDRUNWAITING00000000003"]);
    expect(await executor.nextDueAt()).toEqual(new Date(T0.getTime() + HOUR));
    expect((await executor.storage.listFunctions()).map((f) => f.id).sort()).toEqual(["kassa-test-nap", "kassa-test-tick"]);
    // The sender id still dedupes for its 24 hours.
    expect(await executor.sendEvent({ id: "evt_sender_1", name: "test/nap", data: {} })).toEqual(["01OLDEVENTNAP0000000000001"]);
    // Nothing is left behind: no hand-over, no old tables.
    expect(await count(handle.db, "pg_namespace where nspname = 'inngest_handover'")).toBe(0);
    expect(await count(handle.db, "pg_tables where schemaname = 'public' and tablename like 'inngest%'")).toBe(0);

    // The sleep's timer fires and the run finishes with the step it had memoised before the upgrade,
    // not a second call of it.
    let beforeCalls = 0;
    const client = testClient(executor.url);
    const nap = client.createFunction({ id: "nap", triggers: [{ event: "test/nap" }] }, async ({ step }) => {
      const before = await step.run("before", () => {
        beforeCalls++;
        return "computed again";
      });
      await step.sleep("nap", "1h");
      const after = await step.run("after", () => "after");
      return { before, after };
    });
    app = await startApp(client, [nap], [], appPort);
    await clock.advanceTo(new Date(T0.getTime() + HOUR));
    const done = await executor.waitForRun("01OLDRUNASLEEP000000000001", { timeoutMs: 15_000 });
    expect(done.output).toEqual({ before: "remembered", after: "after" });
    expect(done.status).toBe("completed");
    expect(beforeCalls).toBe(0);
  });
});

describe("migration order", () => {
  it("the executor refuses a database whose app migrations have not handed its old tables over, and moves nothing", async () => {
    handle = await open("postgres");
    await migrateDatabase(handle, oldAppMigrations());
    await handle.db.execute(
      sql`insert into inngest_runs (id, function_id, event_ids, status, max_attempts, started_at) values ('01KEEP', 'f', '[]'::jsonb, 'running', 5, now())`,
    );
    await expect(migrateExecutor(handle.db)).rejects.toThrow(/app's migrations/);
    expect(await count(handle.db, "public.inngest_runs")).toBe(1);
    expect(await count(handle.db, "pg_namespace where nspname = 'inngest_local'")).toBe(0);
    // In the right order it all arrives.
    await migrateDatabase(handle);
    await migrateExecutor(handle.db);
    expect(await count(handle.db, "inngest_local.inngest_runs")).toBe(1);
  });

  it("with Inngest Cloud the executor never runs: the old rows wait, untouched, in the hand-over", async () => {
    handle = await open("postgres");
    await migrateDatabase(handle, oldAppMigrations());
    await handle.db.execute(
      sql`insert into inngest_runs (id, function_id, event_ids, status, max_attempts, started_at) values ('01KEEP', 'f', '[]'::jsonb, 'failed', 5, now())`,
    );
    await migrateDatabase(handle);
    await migrateDatabase(handle); // every later start: nothing more happens
    expect(await count(handle.db, "inngest_handover.inngest_runs")).toBe(1);
    expect(await count(handle.db, "pg_namespace where nspname = 'inngest_local'")).toBe(0);
  });

  it("a new database gets both sets, each in its own migrations table; two executors starting at once both succeed", async () => {
    handle = await open("postgres");
    await migrateDatabase(handle);
    await Promise.all([migrateExecutor(handle.db), migrateExecutor(handle.db), migrateExecutor(handle.db)]);
    const executorJournal = JSON.parse(fs.readFileSync(path.join(EXECUTOR_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    expect(await count(handle.db, "drizzle.__inngest_local_migrations")).toBe(executorJournal.entries.length);
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"));
    expect(await count(handle.db, "drizzle.__drizzle_migrations")).toBe(journal.entries.length);
    expect(await count(handle.db, "inngest_local.inngest_runs")).toBe(0);
    expect(await count(handle.db, "pg_namespace where nspname = 'inngest_handover'")).toBe(0);
  });
});
