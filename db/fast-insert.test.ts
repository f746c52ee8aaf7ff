// FastInsert against drizzle's own rendering, and executeAsOne composing FastInserts with drizzle's writes, on
// PostgreSQL and PGlite: the same text and parameters, rows written as drizzle would, a lost fence writes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, events } from "@/db/schema";
import { freshPglite, freshPostgres } from "@/test/db";
import { executeAsOne, FenceLostError } from "./batch";
import { fastInsert } from "./fast-insert";

const handles: DatabaseHandle[] = [];
afterAll(async () => {
  for (const h of handles) await h.close();
});

let n = 0;
const audit = (over: Partial<typeof auditLog.$inferInsert> = {}) => ({
  id: `audit_fast_${n++}`,
  merchantId: "mer_fast",
  livemode: false,
  actorType: "api_key" as const,
  actorId: "key_1",
  action: "payment.created",
  metadata: { amount: 4200, note: `it's "quoted" $1 \\ {}` },
  ...over,
});
const event = (over: Partial<typeof events.$inferInsert> = {}) => ({
  id: `evt_fast_${n++}`,
  merchantId: "mer_fast",
  livemode: false,
  type: "payment.created",
  data: { object: { id: "pay_1", amount: 4200 } },
  ...over,
});

describe("FastInsert", () => {
  it("is checked against drizzle on every render in the test suite (KASSA_FAST_INSERT_CHECK)", () => {
    expect(process.env.KASSA_FAST_INSERT_CHECK).toBe("1");
  });

  it("renders what drizzle renders — the same text and parameters for each shape, numbered from an offset", async () => {
    const h = await freshPglite();
    handles.push(h);
    const cases = [
      [audit()],
      [audit({ createdAt: new Date("2026-12-04T08:00:00Z"), ip: null, metadata: null })],
      [audit(), audit({ targetType: "payment", targetId: "pay_1" }), audit()],
      // The same shape again: from the kept text.
      [audit()],
    ];
    for (const rows of cases) {
      const own = h.db.insert(auditLog).values(rows).toSQL();
      expect(fastInsert(h.db, auditLog, rows).render(0)).toEqual({ text: own.sql, params: own.params });
      const shifted = fastInsert(h.db, auditLog, rows).render(7);
      expect(shifted.params).toEqual(own.params);
      expect(shifted.text).toBe(own.sql.replace(/\$(\d+)/g, (_m, d: string) => `$${Number(d) + 7}`));
    }
    // ON CONFLICT DO NOTHING: its own shape.
    const rows = [audit()];
    const doNothing = h.db.insert(auditLog).values(rows).onConflictDoNothing().toSQL();
    expect(fastInsert(h.db, auditLog, rows, { onConflictDoNothing: true }).render(0)).toEqual({ text: doNothing.sql, params: doNothing.params });
    expect(fastInsert(h.db, auditLog, rows).render(0).text).not.toContain("on conflict");
    // A value that is SQL: drizzle renders it, as before.
    const withSql = [event({ publishedAt: sql`now()` as unknown as Date })];
    const own = h.db.insert(events).values(withSql).toSQL();
    expect(fastInsert(h.db, events, withSql).render(0)).toEqual({ text: own.sql, params: own.params });
  });

  describe.each([
    ["PostgreSQL", () => freshPostgres("fast_insert")],
    ["PGlite", () => freshPglite()],
  ])("in executeAsOne on %s", (_name, open) => {
    it("writes FastInserts and drizzle's writes in one statement, each row as drizzle would; a lost fence writes none", async () => {
      const h = await open();
      handles.push(h);
      const a = audit();
      const e = event();
      await h.db.insert(auditLog).values(audit({ id: "audit_guard", action: "guard" }));
      await executeAsOne(h.db, [
        h.db.update(auditLog).set({ action: "guard seen" }).where(eq(auditLog.id, "audit_guard")).returning({ id: auditLog.id }),
        fastInsert(h.db, auditLog, a),
        fastInsert(h.db, events, [e, event()]),
      ]);
      const [row] = await h.db.select().from(auditLog).where(eq(auditLog.id, a.id));
      expect(row).toMatchObject({ ...a, actorLabel: null, targetType: null, ip: null });
      expect(row!.createdAt).toBeInstanceOf(Date);
      const [ev] = await h.db.select().from(events).where(eq(events.id, e.id));
      expect(ev).toMatchObject({ ...e, publishedAt: null, requestId: null });
      expect((await h.db.select().from(auditLog).where(eq(auditLog.id, "audit_guard")))[0]!.action).toBe("guard seen");

      // Fenced on a write that matches nothing: the whole statement is undone.
      const lost = audit();
      await expect(
        h.db.transaction((tx) =>
          executeAsOne(
            tx,
            [tx.update(auditLog).set({ action: "x" }).where(eq(auditLog.id, "audit_none")).returning({ id: auditLog.id }), fastInsert(tx, auditLog, lost)],
            { fence: 0 },
          ),
        ),
      ).rejects.toBeInstanceOf(FenceLostError);
      expect(await h.db.select().from(auditLog).where(eq(auditLog.id, lost.id))).toEqual([]);
      // Alone, inside a transaction, on its connection.
      const alone = audit();
      await h.db.transaction((tx) => executeAsOne(tx, [fastInsert(tx, auditLog, alone)]));
      expect(await h.db.select().from(auditLog).where(eq(auditLog.id, alone.id))).toHaveLength(1);
    });
  });
});
