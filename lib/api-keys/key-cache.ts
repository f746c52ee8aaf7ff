import { getDatabaseHandle, type Listen } from "@/db/client";
import { logger } from "@/lib/logger";
import type { AuthenticatedKey } from "./authenticate-api-key";

/** The channel the database notifies (db/migrations/0035) with a merchant id when a key or membership changes. */
export const API_KEY_CHANNEL = "kassa_api_keys";
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RELISTEN_MS = 1_000;

/**
 * API keys resolved in the last 30 s, by key hash, so an integrator's call skips the key's round trip.
 * Correct across instances: the database notifies every instance (LISTEN/NOTIFY, at commit) when a key
 * is revoked or rolled, its permissions change, or its creator's role or membership does, and each
 * drops that merchant's keys at once; this instance's own changes drop them before their answer is sent.
 * The cache serves nothing unless its LISTEN is live: when the listening connection drops it empties,
 * stays off and listens again. A read that raced an invalidation is never kept (generation check).
 */
export class ApiKeyCache {
  private entries = new Map<string, { key: AuthenticatedKey; until: number }>();
  private generation = 0;
  private live = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly listen: Listen,
    private readonly opts: { ttlMs?: number; maxEntries?: number } = {},
  ) {}

  /** Listens; resolves once LISTEN is live (or failed: then it keeps trying in the background). */
  async start(): Promise<void> {
    if (this.stopped) return;
    try {
      this.unlisten = await this.listen(API_KEY_CHANNEL, {
        notify: (merchantId) => this.invalidate(merchantId || undefined),
        lost: (error) => {
          this.live = false;
          this.invalidate();
          logger.warn({ err: error }, "API key cache: listener lost; serving keys from the database until it listens again");
          this.scheduleRelisten();
        },
      });
      this.live = true;
    } catch (error) {
      logger.warn({ err: error }, "API key cache: could not listen; keys come from the database");
      this.scheduleRelisten();
    }
  }

  private scheduleRelisten(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, RELISTEN_MS);
    this.retry.unref?.();
  }

  get listening(): boolean {
    return this.live;
  }

  get(hash: string, now: number): AuthenticatedKey | undefined {
    if (!this.live) return undefined;
    const hit = this.entries.get(hash);
    if (!hit) return undefined;
    if (hit.until <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return hit.key;
  }

  /** Taken before reading a key from the database; `set` keeps the read only if nothing changed meanwhile. */
  token(): number {
    return this.generation;
  }

  set(hash: string, key: AuthenticatedKey, token: number, now: number): void {
    if (!this.live || token !== this.generation) return;
    if (this.entries.size >= (this.opts.maxEntries ?? MAX_ENTRIES)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, { key, until: now + (this.opts.ttlMs ?? TTL_MS) });
  }

  /** Drops one merchant's keys (or all), and makes every read in flight unkeepable. */
  invalidate(merchantId?: string): void {
    this.generation++;
    if (!merchantId) return this.entries.clear();
    for (const [hash, { key }] of this.entries) if (key.merchantId === merchantId) this.entries.delete(hash);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    this.entries.clear();
    await this.unlisten?.();
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

/** After this instance changed a merchant's keys or team: its own cache forgets them before the answer goes out. */
export function dropCachedApiKeys(merchantId: string): void {
  (globalThis as GlobalWithCache)[STARTED]?.invalidate(merchantId);
}
