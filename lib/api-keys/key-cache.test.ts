// The API key cache as two app instances would hold it: two caches, each on its own LISTEN connection to
// one real PostgreSQL. A revoke, a roll, a role change or a member's removal made through the services
// (as another instance would) has reached both when it answers (the barrier); a key is never served from a cache that is not
// listening; a read that raced an invalidation is not kept. And on PGlite, the embedded default.
import { eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { BARRIER_PREFIX, listenerName, listenerPrefix } from "@/db/listener-name";
import { awaitCacheBarrier } from "@/lib/cache/barrier";
import { freshPglite, freshPostgres } from "@/test/db";
import { makeMerchant } from "@/test/fixtures";
import { addMember } from "@/test/rows";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { API_KEY_CHANNEL, ApiKeyCache } from "./key-cache";
import { revokeApiKey } from "./revoke-api-key";
import { rollApiKey } from "./roll-api-key";
import { hashKey } from "./secret";

let handle: DatabaseHandle & { url: string };
let db: Database;
let a: ApiKeyCache;
let b: ApiKeyCache;

beforeAll(async () => {
  handle = await freshPostgres("keycache");
  db = handle.db;
  a = new ApiKeyCache(handle.listen!);
  b = new ApiKeyCache(handle.listen!);
  await Promise.all([a.start(), b.start()]);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await handle?.close();
});

const bearer = (secret: string) => `Bearer ${secret}`;
/** A database that must not be asked: a cache hit makes no query. */
const unreachable = new Proxy({} as Database, {
  get() {
    throw new Error("the database was asked");
  },
});
/** Notifications arrive after commit on each cache's own connection: wait (briefly) for them, never for a TTL. */
const dropped = (cache: ApiKeyCache, secret: string) =>
  expect.poll(() => cache.get(hashKey(secret), Date.now()), { timeout: 2_000, interval: 5 }).toBeUndefined();
/**
 * The setup's own notifications (a new merchant's membership notifies at commit) handled by every listener.
 * Until then one may land while a key is read, and the cache rightly declines to keep that read.
 */
const settled = async () => expect(await awaitCacheBarrier(db, API_KEY_CHANNEL)).toMatchObject({ settled: true });

describe("ApiKeyCache on PostgreSQL (two instances)", () => {
  it("serves a resolved key without a query, on each instance", async () => {
    const { ctx } = await makeMerchant(db);
    const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "cached" } });
    await settled();
    for (const cache of [a, b]) {
      const first = await authenticateApiKey(db, bearer(secret), { cache });
      const again = await authenticateApiKey(unreachable, bearer(secret), { cache });
      expect(again.id).toBe(first.id);
    }
  });

  it("a revoke through the services answers only once both instances have dropped the key: the next request anywhere is refused", async () => {
    const { ctx } = await makeMerchant(db);
    const { secret, object } = await createApiKey({ ctx, input: { kind: "secret", name: "to revoke" } });
    await settled();
    await authenticateApiKey(db, bearer(secret), { cache: a });
    await authenticateApiKey(db, bearer(secret), { cache: b });
    expect(a.get(hashKey(secret), Date.now())).toBeDefined();
    await revokeApiKey({ ctx, id: object.id });
    // No waiting here: the revoke's own answer waited for both listeners (lib/cache/barrier.ts).
    expect(a.get(hashKey(secret), Date.now())).toBeUndefined();
    expect(b.get(hashKey(secret), Date.now())).toBeUndefined();
    for (const cache of [a, b]) {
      await expect(authenticateApiKey(db, bearer(secret), { cache })).rejects.toMatchObject({ code: "api_key_expired" });
    }
  });

  it("a roll (the old key's expiry), a role change and a member's removal each reach the caches before they answer", async () => {
    const { ctx, merchantId } = await makeMerchant(db);
    const { changeRole, removeMember } = await import("@/lib/team/change-role");
    const dev = await addMember(db, merchantId, "developer");
    const { secret } = await createApiKey({ ctx: dev.ctx, input: { kind: "secret", name: "dev key" } });
    expect((await authenticateApiKey(db, bearer(secret), { cache: a })).creatorRole).toBe("developer");

    await changeRole({ ctx, input: { membership: dev.membershipId, role: "support" } });
    expect(a.get(hashKey(secret), Date.now())).toBeUndefined();
    expect((await authenticateApiKey(db, bearer(secret), { cache: a })).creatorRole).toBe("support");

    await removeMember({ ctx, membershipId: dev.membershipId });
    expect(a.get(hashKey(secret), Date.now())).toBeUndefined();
    await expect(authenticateApiKey(db, bearer(secret), { cache: a })).rejects.toMatchObject({ code: "api_key_expired" });

    const owner = await createApiKey({ ctx, input: { kind: "secret", name: "owner key" } });
    await authenticateApiKey(db, bearer(owner.secret), { cache: b });
    await rollApiKey({ ctx, id: owner.object.id, now: new Date(Date.now() - 25 * 3_600_000) });
    expect(b.get(hashKey(owner.secret), Date.now())).toBeUndefined();
    await expect(authenticateApiKey(db, bearer(owner.secret), { cache: b })).rejects.toMatchObject({ code: "api_key_expired" });
  });

  it("a change written straight in SQL (no service) notifies too; last_used_at's minute write does not", async () => {
    const { ctx } = await makeMerchant(db);
    const { secret, object } = await createApiKey({ ctx, input: { kind: "secret", name: "sql" } });
    const other = await createApiKey({ ctx, input: { kind: "secret", name: "bystander" } });
    await settled();
    await authenticateApiKey(db, bearer(other.secret), { cache: b });
    await authenticateApiKey(db, bearer(secret), { cache: b });
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(apiKeys.id, object.id));
    await new Promise((r) => setTimeout(r, 100));
    expect(b.get(hashKey(secret), Date.now())).toBeDefined();
    await db.execute(sql`update api_keys set revoked_at = now() where id = ${object.id}`);
    await dropped(b, secret);
    await expect(authenticateApiKey(db, bearer(secret), { cache: b })).rejects.toMatchObject({ code: "api_key_expired" });
  });

  it("an instance that lost its listening connection serves nothing from memory, then listens again", async () => {
    const c = new ApiKeyCache(handle.listen!);
    await c.start();
    const { ctx } = await makeMerchant(db);
    const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "lost" } });
    await settled();
    await authenticateApiKey(db, bearer(secret), { cache: c });
    expect(c.get(hashKey(secret), Date.now())).toBeDefined();
    await db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and starts_with(application_name, ${listenerPrefix(API_KEY_CHANNEL)})`,
    );
    await expect.poll(() => c.listening, { timeout: 5_000, interval: 5 }).toBe(false);
    expect(c.get(hashKey(secret), Date.now())).toBeUndefined();
    // Back within a few seconds; a and b came back as well (the terminate hit every listener).
    await expect.poll(async () => c.listening && a.listening && b.listening, { timeout: 10_000, interval: 50 }).toBe(true);
    await authenticateApiKey(db, bearer(secret), { cache: c });
    expect(c.get(hashKey(secret), Date.now())).toBeDefined();
    await c.stop();
  });

  it("the barrier waits for a listener that has not handled it, and names it if it never does", async () => {
    // A listening connection that is behind: it holds the barrier until it acknowledges.
    const lagging = new Client({ connectionString: handle.url });
    await lagging.connect();
    try {
      await lagging.query(`LISTEN ${API_KEY_CHANNEL}`);
      await lagging.query("select set_config('application_name', $1, false)", [listenerName(API_KEY_CHANNEL, 1n)]);
      const { rows } = await lagging.query<{ pid: number }>("select pg_backend_pid() as pid");
      const gaveUp = await awaitCacheBarrier(db, API_KEY_CHANNEL, { timeoutMs: 300 });
      expect(gaveUp.settled).toBe(false);
      expect(gaveUp.waitedMs).toBeGreaterThanOrEqual(300);
      expect(gaveUp.lagging).toEqual([expect.stringContaining(`pid ${rows[0]!.pid} `)]);

      // It acknowledges a moment after the next barrier is sent: the barrier returns then, not before.
      let acknowledgedAt = 0;
      lagging.on("notification", (n) => {
        if (!n.payload?.startsWith(BARRIER_PREFIX)) return;
        const token = n.payload.slice(BARRIER_PREFIX.length);
        setTimeout(() => {
          acknowledgedAt = performance.now();
          void lagging.query("select set_config('application_name', $1, false)", [listenerName(API_KEY_CHANNEL, token)]);
        }, 150);
      });
      const settled = await awaitCacheBarrier(db, API_KEY_CHANNEL, { timeoutMs: 5_000 });
      expect(settled).toMatchObject({ settled: true, lagging: [] });
      expect(acknowledgedAt).toBeGreaterThan(0);
      expect(performance.now()).toBeGreaterThanOrEqual(acknowledgedAt);
      expect(settled.waitedMs).toBeGreaterThanOrEqual(150);
    } finally {
      await lagging.end();
    }
    // With only Kassa's own listeners (a and b), a barrier settles at once.
    expect(await awaitCacheBarrier(db, API_KEY_CHANNEL)).toMatchObject({ settled: true });
  });

  it("a read that started before an invalidation is not kept", async () => {
    const { ctx } = await makeMerchant(db);
    const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "race" } });
    const resolved = await authenticateApiKey(db, bearer(secret));
    const token = a.token();
    a.invalidate(ctx.merchantId);
    a.set(hashKey(secret), resolved, token, Date.now());
    expect(a.get(hashKey(secret), Date.now())).toBeUndefined();
    a.set(hashKey(secret), resolved, a.token(), Date.now());
    expect(a.get(hashKey(secret), Date.now())).toBeDefined();
    // And an entry lives 30 s at most.
    expect(a.get(hashKey(secret), Date.now() + 31_000)).toBeUndefined();
  });
});

describe("ApiKeyCache on PGlite (the embedded default)", () => {
  let lite: DatabaseHandle;
  beforeAll(async () => {
    lite = await freshPglite();
  });
  afterAll(async () => {
    await lite?.close();
  });

  it("a revoke reaches the cache at commit", async () => {
    const cache = new ApiKeyCache(lite.listen!);
    await cache.start();
    expect(cache.listening).toBe(true);
    const { ctx } = await makeMerchant(lite.db);
    const { secret, object } = await createApiKey({ ctx, input: { kind: "secret", name: "embedded" } });
    await authenticateApiKey(lite.db, bearer(secret), { cache });
    await authenticateApiKey(unreachable, bearer(secret), { cache });
    await revokeApiKey({ ctx, id: object.id });
    await dropped(cache, secret);
    await expect(authenticateApiKey(lite.db, bearer(secret), { cache })).rejects.toMatchObject({ code: "api_key_expired" });
    await cache.stop();
  });
});
