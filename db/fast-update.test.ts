// FastUpdate and FastInsert's fixed ON CONFLICT DO UPDATE against drizzle's own rendering; executeAsOne sending a
// statement made only of fast writes as a named statement on node-postgres, parsed once per connection.
import { afterAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import pg from "pg";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, fraudCounters, idempotencyKeys } from "@/db/schema";
import { freshPglite, freshPostgres } from "@/test/db";
import { executeAsOne, FenceLostError } from "./batch";
import { fastInsert, type ConflictUpdate } from "./fast-insert";
import { fastUpdate, IS_NULL } from "./fast-update";

const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

const ADD: ConflictUpdate = {
  target: [fraudCounters.merchantId, fraudCounters.livemode, fraudCounters.dimension, fraudCounters.key, fraudCounters.bucket],
  set: { attempts: sql`${fraudCounters.attempts} + excluded.attempts`, declines: sql`${fraudCounters.declines} + excluded.declines` },
};
const counter = (key: string, attempts: number, declines: number) => ({
  merchantId: "mer_fu",
  livemode: false,
  dimension: "card" as const,
  key,
  bucket: new Date("2026-12-04T10:00:00Z"),
  attempts,
  declines,
});

describe("FastUpdate", () => {
  it("renders what drizzle renders: set columns in the table's order with $onUpdate's, then the where values; IS NULL; returning", async () => {
    const h = await freshPglite();
    handles.push(h);
    const at = new Date("2026-12-04T10:00:00Z");
    const own = h.db
      .update(idempotencyKeys)
      .set({ responseStatus: 200, responseBody: "{}", lockedAt: null, recoveryPoint: "finished" })
      .where(and(eq(idempotencyKeys.id, "idk_1"), eq(idempotencyKeys.lockVersion, 3), isNull(idempotencyKeys.responseStatus)))
      .returning({ id: idempotencyKeys.id })
      .toSQL();
    const fast = fastUpdate(
      h.db,
      idempotencyKeys,
      { recoveryPoint: "finished", responseBody: "{}", responseStatus: 200, lockedAt: null },
      { id: "idk_1", lockVersion: 3, responseStatus: IS_NULL },
      { returning: ["id"] },
    );
    for (let i = 0; i < 2; i++) {
      const r = fast.render(0);
      expect(r.text).toBe(own.sql);
      expect(r.params.map((p) => (p instanceof Date ? "date" : p))).toEqual(own.params.map((p) => (p instanceof Date ? "date" : p)));
    }
    // Numbered from an offset; a where with one column; a value that is SQL goes through drizzle.
    const one = h.db.update(auditLog).set({ action: "x", createdAt: at }).where(eq(auditLog.id, "a_1")).toSQL();
    const shifted = fastUpdate(h.db, auditLog, { action: "x", createdAt: at }, { id: "a_1" }).render(4);
    expect(shifted.text).toBe(one.sql.replace(/\$(\d+)/g, (_m, d: string) => `$${Number(d) + 4}`));
    expect(shifted.params).toEqual(one.params);
    const viaSql = fastUpdate(h.db, auditLog, { action: sql`upper(${auditLog.action})` as unknown as string }, { id: "a_1" }).render(0);
    expect(viaSql.text).toBe(
      h.db
        .update(auditLog)
        .set({ action: sql`upper(${auditLog.action})` })
        .where(eq(auditLog.id, "a_1"))
        .toSQL().sql,
    );
  });

  it("keeps an upsert's fixed ON CONFLICT DO UPDATE in the shape, and refuses (renders by drizzle) one with parameters", async () => {
    const h = await freshPglite();
    handles.push(h);
    const rows = [counter("c1", 1, 0), counter("c2", 1, 0)];
    const own = h.db.insert(fraudCounters).values(rows).onConflictDoUpdate({ target: ADD.target, set: ADD.set }).toSQL();
    expect(fastInsert(h.db, fraudCounters, rows, { onConflictDoUpdate: ADD }).render(0)).toEqual({ text: own.sql, params: own.params });
    const withParam: ConflictUpdate = { target: ADD.target, set: { attempts: sql`${fraudCounters.attempts} + ${5}` } };
    const drizzleOwn = h.db.insert(fraudCounters).values(rows).onConflictDoUpdate({ target: withParam.target, set: withParam.set }).toSQL();
    expect(fastInsert(h.db, fraudCounters, rows, { onConflictDoUpdate: withParam }).render(0)).toEqual({ text: drizzleOwn.sql, params: drizzleOwn.params });
  });

  describe.each([
    ["PostgreSQL", () => freshPostgres("fast_update")],
    ["PGlite", () => freshPglite()],
  ])("in executeAsOne on %s", (_name, open) => {
    it("updates as drizzle would, adds counts on conflict, and a lost fence writes nothing", async () => {
      const h = await open();
      handles.push(h);
      await executeAsOne(h.db, [fastInsert(h.db, fraudCounters, [counter("k1", 1, 0), counter("k2", 0, 1)], { onConflictDoUpdate: ADD })]);
      await executeAsOne(h.db, [fastInsert(h.db, fraudCounters, [counter("k1", 1, 0), counter("k2", 0, 1)], { onConflictDoUpdate: ADD })]);
      const rows = await h.db.select().from(fraudCounters).where(eq(fraudCounters.merchantId, "mer_fu")).orderBy(fraudCounters.key);
      expect(rows.map((r) => [r.key, r.attempts, r.declines])).toEqual([
        ["k1", 2, 0],
        ["k2", 0, 2],
      ]);

      await h.db.insert(auditLog).values({ id: "a_fu", merchantId: "mer_fu", livemode: false, actorType: "api_key", actorId: "k", action: "before" });
      await executeAsOne(h.db, [fastUpdate(h.db, auditLog, { action: "after", targetId: null }, { id: "a_fu", action: "before" }, { returning: ["id"] })], {
        fence: 0,
      });
      expect((await h.db.select().from(auditLog).where(eq(auditLog.id, "a_fu")))[0]).toMatchObject({ action: "after", targetId: null });
      // The guard no longer matches: nothing of the statement is written.
      await expect(
        executeAsOne(
          h.db,
          [
            fastUpdate(h.db, auditLog, { action: "again" }, { id: "a_fu", action: "before" }, { returning: ["id"] }),
            fastInsert(h.db, fraudCounters, [counter("k3", 1, 0)], { onConflictDoUpdate: ADD }),
          ],
          { fence: 0 },
        ),
      ).rejects.toBeInstanceOf(FenceLostError);
      expect(await h.db.select().from(fraudCounters).where(eq(fraudCounters.key, "k3"))).toEqual([]);
      expect((await h.db.select().from(auditLog).where(eq(auditLog.id, "a_fu")))[0]!.action).toBe("after");
    });
  });

  it("goes to node-postgres as a named statement when every write is fast: each connection parses it once", async () => {
    const h = await freshPostgres("fast_named");
    handles.push(h);
    const client = new pg.Client({ connectionString: h.url });
    await client.connect();
    try {
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const db = drizzle({ client, casing: "snake_case" }) as unknown as typeof h.db;
      for (let i = 0; i < 3; i++) await executeAsOne(db, [fastInsert(db, fraudCounters, [counter("named", 1, 0)], { onConflictDoUpdate: ADD })]);
      const { rows } = await client.query<{ name: string; statement: string }>("select name, statement from pg_prepared_statements");
      const named = rows.filter((r) => r.statement.includes('"fraud_counters"'));
      expect(named).toHaveLength(1);
      expect(named[0]!.name).toMatch(/^kassa_w_[0-9a-f]{32}$/);
      const [row] = await db.select().from(fraudCounters).where(eq(fraudCounters.key, "named"));
      expect(row!.attempts).toBe(3);
      // A statement with a write drizzle must render is sent as plain text: not named.
      await executeAsOne(db, [
        fastInsert(db, fraudCounters, [counter("named", 1, 0)], { onConflictDoUpdate: ADD }),
        db
          .update(fraudCounters)
          .set({ declines: sql`${fraudCounters.declines} + 1` })
          .where(eq(fraudCounters.key, "named")),
      ]);
      const after = await client.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements");
      expect(after.rows[0]!.n).toBe(rows.length);
    } finally {
      await client.end();
    }
  });
});
