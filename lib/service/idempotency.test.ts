import { and, eq, lt, sql } from "drizzle-orm";
import { executeAsOne, FenceLostError } from "@/db/batch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { Database } from "@/db/client";
import { idempotencyKeys, serverInstances } from "@/db/schema";
import { INSTANCE_DEAD_AFTER_MS } from "@/lib/server-instance";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import {
  beginIdempotentRequest,
  completeIdempotentRequest,
  hashRequest,
  IDEMPOTENCY_LOCK_TIMEOUT_MS,
  IDEMPOTENCY_TTL_MS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  reapIdempotencyKeys,
  recoveryPointWrite,
  releaseIdempotentRequest,
  setRecoveryPoint,
  type IdempotencyScope,
} from "./idempotency";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

beforeAll(async () => {
  handle = await freshPostgres("idem");
  db = handle.db;
});
afterAll(async () => {
  await handle?.close();
});

let k = 0;
/** A scope with a fresh merchant and key unless told otherwise. */
function scope(overrides: Partial<IdempotencyScope> & { body?: unknown } = {}): IdempotencyScope {
  const { body = { amount: 1000, currency: "usd" }, ...rest } = overrides;
  const method = rest.method ?? "POST";
  const path = rest.path ?? "/v1/payment_intents";
  return {
    merchantId: newId("merchant"),
    livemode: false,
    key: `key-${k++}`,
    method,
    path,
    requestHash: hashRequest(method, path, body),
    ...rest,
  };
}

async function rowsFor(s: IdempotencyScope) {
  return db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.merchantId, s.merchantId), eq(idempotencyKeys.livemode, s.livemode), eq(idempotencyKeys.key, s.key)));
}

const secondsLater = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe("hashRequest", () => {
  it("ignores key order but not values, method or path", () => {
    const a = hashRequest("POST", "/v1/x", { a: 1, b: { c: [1, 2], d: null } });
    expect(hashRequest("POST", "/v1/x", { b: { d: null, c: [1, 2] }, a: 1 })).toBe(a);
    expect(hashRequest("POST", "/v1/x", { a: 1, b: { c: [2, 1], d: null } })).not.toBe(a);
    expect(hashRequest("POST", "/v1/y", { a: 1, b: { c: [1, 2], d: null } })).not.toBe(a);
    expect(hashRequest("PUT", "/v1/x", { a: 1, b: { c: [1, 2], d: null } })).not.toBe(a);
  });
});

describe("beginIdempotentRequest", () => {
  it("starts a new key, holding its lock", async () => {
    const s = scope();
    const now = new Date();
    const start = await beginIdempotentRequest(db, s, now);
    expect(start.kind).toBe("started");
    if (start.kind !== "started") return;
    expect(start.record).toMatchObject({ merchantId: s.merchantId, key: s.key, requestHash: s.requestHash, responseStatus: null });
    expect(start.record.lockedAt?.getTime()).toBe(now.getTime());
    expect(await rowsFor(s)).toHaveLength(1);
  });

  it("replays the stored status and body once completed, for the same parameters", async () => {
    const s = scope();
    const start = await beginIdempotentRequest(db, s);
    if (start.kind !== "started") throw new Error("expected started");
    const body = { id: "pi_123", object: "payment_intent", amount: 1000, nested: { ok: true } };
    await completeIdempotentRequest(db, start.record, 201, body);

    const [row] = await rowsFor(s);
    expect(row).toMatchObject({ responseStatus: 201, lockedAt: null, recoveryPoint: "finished" });

    // The same body with its keys in another order is the same request.
    const again = await beginIdempotentRequest(db, { ...s, requestHash: hashRequest(s.method, s.path, { currency: "usd", amount: 1000 }) });
    // Byte for byte as stored: keys in the order they were sent, not jsonb's.
    expect(again).toEqual({ kind: "replay", status: 201, text: '{"id":"pi_123","object":"payment_intent","amount":1000,"nested":{"ok":true}}' });
    expect(JSON.parse(again.kind === "replay" ? again.text : "null")).toEqual(body);
    expect(await rowsFor(s)).toHaveLength(1);
  });

  it("rejects the same key with another body with idempotency_key_reused, in progress or completed", async () => {
    const s = scope();
    const start = await beginIdempotentRequest(db, s);
    const other = { ...s, requestHash: hashRequest(s.method, s.path, { amount: 2000, currency: "usd" }) };
    await expect(beginIdempotentRequest(db, other)).rejects.toMatchObject({
      code: "idempotency_key_reused",
      param: "Idempotency-Key",
    });
    if (start.kind !== "started") throw new Error("expected started");
    await completeIdempotentRequest(db, start.record, 200, { ok: true });
    await expect(beginIdempotentRequest(db, other)).rejects.toMatchObject({ code: "idempotency_key_reused" });
    // Another path with the same key is a different request too.
    await expect(beginIdempotentRequest(db, { ...s, path: "/v1/refunds", requestHash: hashRequest(s.method, "/v1/refunds", {}) })).rejects.toMatchObject({
      code: "idempotency_key_reused",
    });
  });

  it("lets exactly one of two concurrent requests take the key; the other gets idempotency_key_in_use", async () => {
    for (let round = 0; round < 5; round++) {
      const s = scope();
      const results = await Promise.allSettled([beginIdempotentRequest(db, s), beginIdempotentRequest(db, s)]);
      const started = results.filter((r) => r.status === "fulfilled" && r.value.kind === "started");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(started).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toMatchObject({ code: "idempotency_key_in_use" });
      expect(await rowsFor(s)).toHaveLength(1);
    }
  });

  it("a claim that waited on another request's uncommitted claim of the same key looks again, and replays its answer", async () => {
    const s = scope();
    const other = new pg.Client({ connectionString: handle.url });
    await other.connect();
    try {
      await other.query("begin");
      await other.query(
        `insert into idempotency_keys (id, merchant_id, livemode, key, request_method, request_path, request_hash, response_status, response_body, recovery_point)
         values ($1, $2, $3, $4, $5, $6, $7, 200, '{"id":"pay_race"}', 'finished')`,
        [newId("idempotencyKey"), s.merchantId, s.livemode, s.key, s.method, s.path, s.requestHash],
      );
      // Our claim waits on the other's row; once that commits, this statement's snapshot (older) cannot see it.
      const begun = beginIdempotentRequest(db, s);
      await new Promise((r) => setTimeout(r, 300));
      await other.query("commit");
      await expect(begun).resolves.toMatchObject({ kind: "replay", status: 200, text: '{"id":"pay_race"}' });
      expect(await rowsFor(s)).toHaveLength(1);
    } finally {
      await other.end();
    }
  });

  it("answers idempotency_key_in_use while the lock is fresh and lets a retry take over a stale lock", async () => {
    const s = scope();
    const t0 = new Date(Date.now() - 60_000);
    const first = await beginIdempotentRequest(db, s, t0);
    if (first.kind !== "started") throw new Error("expected started");

    await expect(beginIdempotentRequest(db, s, secondsLater(t0, IDEMPOTENCY_LOCK_TIMEOUT_MS - 1000))).rejects.toMatchObject({
      code: "idempotency_key_in_use",
    });

    const later = secondsLater(t0, IDEMPOTENCY_LOCK_TIMEOUT_MS + 1000);
    const takeover = await beginIdempotentRequest(db, s, later);
    expect(takeover.kind).toBe("started");
    if (takeover.kind !== "started") return;
    expect(takeover.record.id).toBe(first.record.id); // the same key row, not a new one
    expect(takeover.record.lockedAt?.getTime()).toBe(later.getTime());

    // The new holder's lock is fresh again.
    await expect(beginIdempotentRequest(db, s, secondsLater(later, 1000))).rejects.toMatchObject({
      code: "idempotency_key_in_use",
    });
  });

  it("takes over at once a lock whose holder's process stopped beating, and never one whose holder beats", async () => {
    const s = scope();
    const dead = newId("serverInstance");
    const alive = newId("serverInstance");
    await db.insert(serverInstances).values([
      { id: dead, heartbeatAt: sql`now() - make_interval(secs => ${INSTANCE_DEAD_AFTER_MS / 1000 + 1})` },
      { id: alive, heartbeatAt: sql`now()` },
    ]);
    const held = await beginIdempotentRequest(db, s, new Date(), { instanceId: alive });
    if (held.kind !== "started") throw new Error("expected started");
    // A live holder's lock is kept from everyone else (until the 90 s timeout).
    await expect(beginIdempotentRequest(db, s, new Date(), { instanceId: dead })).rejects.toMatchObject({ code: "idempotency_key_in_use" });

    const s2 = scope();
    const first = await beginIdempotentRequest(db, s2, new Date(), { instanceId: dead });
    if (first.kind !== "started") throw new Error("expected started");
    const retry = await beginIdempotentRequest(db, s2, new Date(), { instanceId: alive });
    expect(retry.kind).toBe("started");
    if (retry.kind !== "started") return;
    expect(retry.record).toMatchObject({ id: first.record.id, lockedBy: alive, lockVersion: first.record.lockVersion + 1 });
    // The process's own lock is never "dead" to itself, whatever its heartbeat row says.
    await expect(beginIdempotentRequest(db, s2, new Date(), { instanceId: alive })).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    // A holder that never registered (a script, a test) keeps the 90 s timeout.
    const s3 = scope();
    await beginIdempotentRequest(db, s3, new Date(), { instanceId: newId("serverInstance") });
    await expect(beginIdempotentRequest(db, s3, new Date(), { instanceId: alive })).rejects.toMatchObject({ code: "idempotency_key_in_use" });
  });

  it("fences the old holder after a takeover: its recovery point, answer and release write nothing", async () => {
    const s = scope();
    const t0 = new Date(Date.now() - IDEMPOTENCY_LOCK_TIMEOUT_MS - 5000);
    const old = await beginIdempotentRequest(db, s, t0);
    if (old.kind !== "started") throw new Error("expected started");
    await setRecoveryPoint(db, old.record, "refund_created", { point: "refund_created", refundId: "re_old" });
    const now = await beginIdempotentRequest(db, s);
    if (now.kind !== "started") throw new Error("expected started");
    expect(now.record.recoveryData).toEqual({ point: "refund_created", refundId: "re_old" }); // the new holder resumes it

    await expect(setRecoveryPoint(db, old.record, "refund_created", { refundId: "re_second" })).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    await completeIdempotentRequest(db, old.record, 200, { from: "old" });
    await releaseIdempotentRequest(db, old.record);
    const [row] = await rowsFor(s);
    expect(row).toMatchObject({ responseStatus: null, lockVersion: now.record.lockVersion, recoveryData: { refundId: "re_old" } });
    expect(row!.lockedAt).not.toBeNull();

    // A batch fenced on the recovery point writes nothing of itself when the fence is lost.
    const marker = newId("merchant");
    await expect(
      executeAsOne(db, [recoveryPointWrite(db, old.record, "x", {}), db.insert(serverInstances).values({ id: marker })], { fence: 0 }),
    ).rejects.toBeInstanceOf(FenceLostError);
    expect(await db.select().from(serverInstances).where(eq(serverInstances.id, marker))).toEqual([]);
    await executeAsOne(db, [recoveryPointWrite(db, now.record, "x", {}), db.insert(serverInstances).values({ id: marker })], { fence: 0 });
    expect(await db.select().from(serverInstances).where(eq(serverInstances.id, marker))).toHaveLength(1);

    await completeIdempotentRequest(db, now.record, 200, { from: "new" });
    expect((await rowsFor(s))[0]).toMatchObject({ responseStatus: 200, responseBody: '{"from":"new"}', lockedAt: null, lockedBy: null });
  });

  it("lets a released key be taken again, keeping its recovery point", async () => {
    const s = scope();
    const first = await beginIdempotentRequest(db, s);
    if (first.kind !== "started") throw new Error("expected started");
    await releaseIdempotentRequest(db, first.record);
    const again = await beginIdempotentRequest(db, s);
    expect(again.kind).toBe("started");
    if (again.kind !== "started") return;
    expect(again.record.id).toBe(first.record.id);
    expect(again.record.lockedAt).not.toBeNull();
    await expect(beginIdempotentRequest(db, s)).rejects.toMatchObject({ code: "idempotency_key_in_use" });
  });

  it("rejects an empty key or one longer than the maximum with idempotency_key_invalid, writing nothing", async () => {
    const long = scope({ key: "k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1) });
    await expect(beginIdempotentRequest(db, long)).rejects.toMatchObject({
      code: "idempotency_key_invalid",
      param: "Idempotency-Key",
    });
    expect(await rowsFor(long)).toHaveLength(0);
    await expect(beginIdempotentRequest(db, scope({ key: "" }))).rejects.toMatchObject({ code: "idempotency_key_invalid" });

    const longest = scope({ key: "k".repeat(MAX_IDEMPOTENCY_KEY_LENGTH) });
    await expect(beginIdempotentRequest(db, longest)).resolves.toMatchObject({ kind: "started" });
  });

  it("scopes keys per merchant and per mode", async () => {
    const s = scope();
    const started = await beginIdempotentRequest(db, s);
    if (started.kind !== "started") throw new Error("expected started");
    await completeIdempotentRequest(db, started.record, 200, { merchant: "first" });

    // Same key and even a different body: another merchant, or the live mode, starts fresh.
    const otherBody = hashRequest(s.method, s.path, { amount: 5 });
    const otherMerchant = await beginIdempotentRequest(db, { ...s, merchantId: newId("merchant"), requestHash: otherBody });
    expect(otherMerchant.kind).toBe("started");
    const live = await beginIdempotentRequest(db, { ...s, livemode: true, requestHash: otherBody });
    expect(live.kind).toBe("started");
    if (otherMerchant.kind !== "started" || live.kind !== "started") return;
    expect(new Set([started.record.id, otherMerchant.record.id, live.record.id]).size).toBe(3);

    // The original still replays its own response.
    await expect(beginIdempotentRequest(db, s)).resolves.toEqual({ kind: "replay", status: 200, text: '{"merchant":"first"}' });
  });

  it("treats a key older than its TTL as fresh, even with other parameters", async () => {
    const s = scope();
    const t0 = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000);
    const old = await beginIdempotentRequest(db, s, t0);
    if (old.kind !== "started") throw new Error("expected started");
    await completeIdempotentRequest(db, old.record, 200, { old: true });

    // Just inside the TTL it still replays…
    await expect(beginIdempotentRequest(db, s, secondsLater(t0, IDEMPOTENCY_TTL_MS - 1000))).resolves.toMatchObject({
      kind: "replay",
    });
    // …and past it the key starts over.
    const fresh = await beginIdempotentRequest(db, { ...s, requestHash: hashRequest(s.method, s.path, { different: 1 }) });
    expect(fresh.kind).toBe("started");
    if (fresh.kind !== "started") return;
    expect(fresh.record.id).not.toBe(old.record.id);
    const rows = await rowsFor(s);
    expect(rows.map((r) => r.id)).toEqual([fresh.record.id]);
    expect(rows[0]!.responseStatus).toBeNull();
  });
});

describe("stored answers held in memory", () => {
  /** A completed key whose stored answer this process has read back once (a first replay). */
  async function completedAndReplayed(s: IdempotencyScope, now = new Date()) {
    const start = await beginIdempotentRequest(db, s, now);
    if (start.kind !== "started") throw new Error("expected started");
    await completeIdempotentRequest(db, start.record, 200, { id: "pay_1", status: "succeeded" });
    await expect(beginIdempotentRequest(db, s, now)).resolves.toEqual({ kind: "replay", status: 200, text: '{"id":"pay_1","status":"succeeded"}' });
    return start.record;
  }
  /** Changes the stored answer behind the process's back: a replay that still shows the old one came from memory. */
  const overwrite = (id: string) => db.update(idempotencyKeys).set({ responseBody: '{"from":"postgres"}' }).where(eq(idempotencyKeys.id, id));

  it("answers a key's further replays from memory, without PostgreSQL", async () => {
    const s = scope();
    const record = await completedAndReplayed(s);
    await overwrite(record.id);
    await expect(beginIdempotentRequest(db, s)).resolves.toEqual({ kind: "replay", status: 200, text: '{"id":"pay_1","status":"succeeded"}' });
  });

  it("holds only answers read back from PostgreSQL, never the process's own (its store may have lost the lock)", async () => {
    const s = scope();
    const start = await beginIdempotentRequest(db, s);
    if (start.kind !== "started") throw new Error("expected started");
    await completeIdempotentRequest(db, start.record, 200, { id: "pay_1" });
    await overwrite(start.record.id);
    await expect(beginIdempotentRequest(db, s)).resolves.toEqual({ kind: "replay", status: 200, text: '{"from":"postgres"}' });
  });

  it("refuses a remembered key with another body, method or path with idempotency_key_reused", async () => {
    const s = scope();
    const record = await completedAndReplayed(s);
    await db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, record.id)); // only memory can answer now
    await expect(beginIdempotentRequest(db, { ...s, requestHash: hashRequest(s.method, s.path, { amount: 1 }) })).rejects.toMatchObject({
      code: "idempotency_key_reused",
      param: "Idempotency-Key",
    });
    await expect(beginIdempotentRequest(db, { ...s, method: "DELETE" })).rejects.toMatchObject({ code: "idempotency_key_reused" });
    await expect(beginIdempotentRequest(db, { ...s, path: "/v1/refunds" })).rejects.toMatchObject({ code: "idempotency_key_reused" });
    expect(await rowsFor(s)).toHaveLength(0);
  });

  it("never answers another merchant or the other mode from a remembered key", async () => {
    const s = scope();
    await completedAndReplayed(s);
    await expect(beginIdempotentRequest(db, { ...s, merchantId: newId("merchant") })).resolves.toMatchObject({ kind: "started" });
    await expect(beginIdempotentRequest(db, { ...s, livemode: true })).resolves.toMatchObject({ kind: "started" });
  });

  it("forgets a remembered key when it expires: from then on PostgreSQL decides, and the key is fresh", async () => {
    const s = scope();
    const t0 = new Date(Date.now() - IDEMPOTENCY_TTL_MS + 60_000);
    const record = await completedAndReplayed(s, t0);
    await overwrite(record.id);
    // A second before expiry, memory still answers; at expiry the key starts over, though memory held it.
    await expect(beginIdempotentRequest(db, s, secondsLater(t0, IDEMPOTENCY_TTL_MS - 1000))).resolves.toMatchObject({
      text: '{"id":"pay_1","status":"succeeded"}',
    });
    const fresh = await beginIdempotentRequest(db, { ...s, requestHash: hashRequest(s.method, s.path, { other: 1 }) }, secondsLater(t0, IDEMPOTENCY_TTL_MS));
    expect(fresh.kind).toBe("started");
    if (fresh.kind === "started") expect(fresh.record.id).not.toBe(record.id);
  });

  it("holds nothing with KASSA_IDEMPOTENCY_CACHE=off", async () => {
    const s = scope();
    process.env.KASSA_IDEMPOTENCY_CACHE = "off";
    try {
      const record = await completedAndReplayed(s);
      await overwrite(record.id);
      await expect(beginIdempotentRequest(db, s)).resolves.toMatchObject({ text: '{"from":"postgres"}' });
    } finally {
      delete process.env.KASSA_IDEMPOTENCY_CACHE;
    }
  });
});

describe("reapIdempotencyKeys", () => {
  it("deletes only keys older than the TTL", async () => {
    const now = new Date();
    const oldScope = scope();
    const youngScope = scope();
    await beginIdempotentRequest(db, oldScope, new Date(now.getTime() - IDEMPOTENCY_TTL_MS - 1000));
    await beginIdempotentRequest(db, youngScope, new Date(now.getTime() - IDEMPOTENCY_TTL_MS + 60_000));

    const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
    const due = await db.select().from(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
    const total = (await db.select().from(idempotencyKeys)).length;
    expect(due.map((r) => r.key)).toContain(oldScope.key);

    expect(await reapIdempotencyKeys(db, now)).toBe(due.length);
    expect(await rowsFor(oldScope)).toHaveLength(0);
    expect(await rowsFor(youngScope)).toHaveLength(1);
    expect((await db.select().from(idempotencyKeys)).length).toBe(total - due.length);
    expect(await reapIdempotencyKeys(db, now)).toBe(0);
  });
});

describe("commit with a recovery point and an answer in one commit", () => {
  it("stores the answer (both update the key's row; the answer wins), so a retry replays it instead of running again", async () => {
    const { commit } = await import("./commit");
    const s = scope();
    const start = await beginIdempotentRequest(db, s, new Date());
    if (start.kind !== "started") throw new Error("not started");
    const ctx = {
      merchantId: s.merchantId,
      livemode: false,
      actor: { type: "system" as const, id: "test" },
      db,
      idempotency: { id: start.record.id, lockVersion: start.record.lockVersion, recovery: null, stored: false },
    };
    await commit(ctx, async (_tx, changes) => {
      changes.recoveryPoint("sent", { to: "bank" });
      changes.respond(200, { id: "po_1" });
    });
    const [row] = await rowsFor(s);
    expect(row).toMatchObject({ responseStatus: 200, recoveryPoint: "finished", lockedAt: null });
    expect(JSON.parse(row!.responseBody!)).toEqual({ id: "po_1" });
    expect((await beginIdempotentRequest(db, s, new Date())).kind).toBe("replay");
  });

  it("writes nothing of the commit when another request took the key over", async () => {
    const { commit } = await import("./commit");
    const s = scope();
    const start = await beginIdempotentRequest(db, s, new Date());
    if (start.kind !== "started") throw new Error("not started");
    const ctx = {
      merchantId: s.merchantId,
      livemode: false,
      actor: { type: "system" as const, id: "test" },
      db,
      idempotency: { id: start.record.id, lockVersion: start.record.lockVersion + 1, recovery: null, stored: false },
    };
    const marker = `inst_${k++}`;
    const err = await commit(ctx, async (_tx, changes) => {
      changes.recoveryPoint("sent", {});
      changes.write(db.insert(serverInstances).values({ id: marker }));
      changes.respond(200, { id: "po_2" });
    }).catch((e: unknown) => e as { code?: string });
    expect(err).toMatchObject({ code: "idempotency_key_in_use" });
    expect(await db.select().from(serverInstances).where(eq(serverInstances.id, marker))).toEqual([]);
    expect((await rowsFor(s))[0]).toMatchObject({ responseStatus: null });
  });
});
