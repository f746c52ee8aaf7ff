import { getDatabaseHandle, type Executor, type Listen } from "@/db/client";
import { awaitCacheBarrier } from "@/lib/cache/barrier";
import { NotifiedCache } from "@/lib/cache/notified-cache";
import type { AuthenticatedKey } from "./authenticate-api-key";

/** The channel the database notifies (db/migrations/0035) with a merchant id when a key or membership changes. */
export const API_KEY_CHANNEL = "kassa_api_keys";
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * API keys resolved in the last 30 s, by key hash, so an integrator's call skips the key's round trip
 * (lib/cache/notified-cache.ts): the database notifies every instance when a key is revoked or rolled, its
 * permissions change, or its creator's role or membership does, and each drops that merchant's keys at once.
 */
export class ApiKeyCache extends NotifiedCache<AuthenticatedKey> {
  constructor(listen: Listen, opts: { ttlMs?: number; maxEntries?: number } = {}) {
    super(listen, {
      channel: API_KEY_CHANNEL,
      label: "API key",
      merchantOf: (key) => key.merchantId,
      ttlMs: opts.ttlMs ?? TTL_MS,
      maxEntries: opts.maxEntries ?? MAX_ENTRIES,
    });
  }
}

// One per process, on globalThis (Next bundles route handlers separately).
const GLOBAL_KEY = Symbol.for("kassa.apiKeyCache");
const STARTED = Symbol.for("kassa.apiKeyCache.started");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: Promise<ApiKeyCache | null>; [STARTED]?: ApiKeyCache };

/** The process's cache, or null where the driver cannot listen or KASSA_API_KEY_CACHE=off. */
export function apiKeyCache(): Promise<ApiKeyCache | null> {
  const g = globalThis as GlobalWithCache;
  g[GLOBAL_KEY] ??= (async () => {
    if (process.env.KASSA_API_KEY_CACHE === "off") return null;
    const handle = await getDatabaseHandle();
    if (!handle.listen) return null;
    const cache = new ApiKeyCache(handle.listen);
    g[STARTED] = cache;
    await cache.start();
    return cache;
  })();
  return g[GLOBAL_KEY];
}

/**
 * After a commit that changed a merchant's keys or team: this instance's cache forgets them, and the answer
 * waits until every other instance's has too (lib/cache/barrier.ts): the next request anywhere sees the change.
 */
export async function settleApiKeyChange(db: Executor, merchantId: string): Promise<void> {
  (globalThis as GlobalWithCache)[STARTED]?.invalidate(merchantId);
  await awaitCacheBarrier(db, API_KEY_CHANNEL);
}
