import { getDatabaseHandle, type Executor } from "@/db/client";
import { awaitCacheBarrier } from "@/lib/cache/barrier";
import { NotifiedCache } from "@/lib/cache/notified-cache";
import { logger } from "@/lib/logger";
import type { ServiceContext } from "@/lib/service/context";
import { compileRouting, type Router } from "./compile";
import { routableConnectors } from "./connectors";
import { loadRouting } from "./load-routing";

/** The channel update-routing-rules notifies (at its commit) with the merchant's id. */
export const ROUTING_CHANNEL = "kassa_routing";
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/** A mode's compiled rules (null: none saved, or saved rules no longer valid here), and their version. */
export interface CompiledRouting {
  merchantId: string;
  router: Router | null;
  version: number;
}

// One per process, on globalThis (Next bundles route handlers separately).
const GLOBAL_KEY = Symbol.for("kassa.routingCache");
const STARTED = Symbol.for("kassa.routingCache.started");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: Promise<NotifiedCache<CompiledRouting> | null>; [STARTED]?: NotifiedCache<CompiledRouting> };

function routingCache(): Promise<NotifiedCache<CompiledRouting> | null> {
  const g = globalThis as GlobalWithCache;
  g[GLOBAL_KEY] ??= (async () => {
    const handle = await getDatabaseHandle();
    if (!handle.listen) return null;
    const cache = new NotifiedCache<CompiledRouting>(handle.listen, {
      channel: ROUTING_CHANNEL,
      label: "routing rules",
      merchantOf: (v) => v.merchantId,
      ttlMs: TTL_MS,
      maxEntries: MAX_ENTRIES,
    });
    g[STARTED] = cache;
    await cache.start();
    return cache;
  })();
  return g[GLOBAL_KEY];
}

function startedRoutingCache(): NotifiedCache<CompiledRouting> | null | undefined {
  const g = globalThis as GlobalWithCache;
  if (!g[GLOBAL_KEY]) void routingCache().catch(() => undefined);
  return g[STARTED];
}

/** After a commit that changed a merchant's rules: this instance forgets them, and the answer waits for every other's. */
export async function settleRoutingChange(db: Executor, merchantId: string): Promise<void> {
  (globalThis as GlobalWithCache)[STARTED]?.invalidate(merchantId);
  await awaitCacheBarrier(db, ROUTING_CHANNEL);
}

async function compileStored(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<CompiledRouting> {
  const row = await loadRouting(db, ctx);
  if (!row) return { merchantId: ctx.merchantId, router: null, version: 0 };
  try {
    return { merchantId: ctx.merchantId, router: compileRouting(row.rules, routableConnectors(ctx.livemode), ctx.livemode), version: row.version };
  } catch (error) {
    // Saved while a connector was configured that is gone now (its keys removed): the built-in processor takes payments.
    logger.warn({ err: error, merchant: ctx.merchantId, livemode: ctx.livemode }, "routing rules no longer valid here; using the built-in processor");
    return { merchantId: ctx.merchantId, router: null, version: row.version };
  }
}

/**
 * The mode's compiled rules: from memory while the cache listens (no statement on the payment's path), else
 * read and compiled now (Neon's driver cannot LISTEN: one read per payment there).
 */
export async function compiledRouting(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<CompiledRouting> {
  // Never waits for the cache to start: the caller may hold a transaction, and on PGlite's one connection the
  // cache's LISTEN would wait for it. Until the cache listens, the rules are read through `db`.
  const cache = startedRoutingCache();
  const key = `${ctx.merchantId}:${ctx.livemode ? "live" : "test"}`;
  const now = Date.now();
  const hit = cache?.get(key, now);
  if (hit) return hit;
  const token = cache?.token() ?? 0;
  const compiled = await compileStored(db, ctx);
  cache?.set(key, compiled, token, now);
  return compiled;
}
