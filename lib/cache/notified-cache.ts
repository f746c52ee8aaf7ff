import type { Listen } from "@/db/client";
import { BARRIER_PREFIX } from "@/db/listener-name";
import { logger } from "@/lib/logger";

const RELISTEN_MS = 1_000;

export interface NotifiedCacheOptions<V> {
  /** The channel the database notifies with a merchant id (or "" for everyone) when what is cached changes. */
  channel: string;
  /** What the cache holds, for its log lines ("API key", "routing rules"). */
  label: string;
  /** The merchant an entry belongs to: a notification for that merchant drops it. */
  merchantOf: (value: V) => string;
  ttlMs: number;
  maxEntries: number;
}

/**
 * Per-merchant reads kept in process for a short while, correct across instances: the database notifies
 * every instance (LISTEN/NOTIFY, delivered at commit) when a merchant's cached data changes, and each drops
 * that merchant's entries at once; an instance's own change drops them before its answer is sent, and waits
 * for the others to have dropped theirs (lib/cache/barrier.ts), so the next request anywhere sees it. The
 * cache serves nothing unless its LISTEN is live: when the listening connection drops it empties, stays off
 * and listens again. A read that raced an invalidation is never kept (the generation check of `token`/`set`).
 */
export class NotifiedCache<V> {
  private entries = new Map<string, { value: V; until: number }>();
  private generation = 0;
  private live = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly listen: Listen,
    private readonly options: NotifiedCacheOptions<V>,
  ) {}

  /** Listens; resolves once LISTEN is live (or failed: then it keeps trying in the background). */
  async start(): Promise<void> {
    if (this.stopped) return;
    const { channel, label } = this.options;
    try {
      this.unlisten = await this.listen(channel, {
        notify: (merchantId) => {
          if (!merchantId.startsWith(BARRIER_PREFIX)) this.invalidate(merchantId || undefined);
        },
        lost: (error) => {
          this.live = false;
          this.invalidate();
          logger.warn({ err: error }, `${label} cache: listener lost; reading from the database until it listens again`);
          this.scheduleRelisten();
        },
      });
      // A read begun before LISTEN may predate a change whose notification it missed: not kept.
      this.generation++;
      this.live = true;
    } catch (error) {
      logger.warn({ err: error }, `${label} cache: could not listen; reading from the database`);
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

  /** The cached value, or undefined (not cached, expired, or the cache is off). A cached `null` is a value. */
  get(key: string, now: number): V | undefined {
    if (!this.live) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Taken before reading from the database; `set` keeps the read only if nothing changed meanwhile. */
  token(): number {
    return this.generation;
  }

  set(key: string, value: V, token: number, now: number): void {
    if (!this.live || token !== this.generation) return;
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, until: now + this.options.ttlMs });
  }

  /** Drops one merchant's entries (or all), and makes every read in flight unkeepable. */
  invalidate(merchantId?: string): void {
    this.generation++;
    if (!merchantId) return this.entries.clear();
    for (const [key, { value }] of this.entries) if (this.options.merchantOf(value) === merchantId) this.entries.delete(key);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.retry) clearTimeout(this.retry);
    this.entries.clear();
    await this.unlisten?.();
  }
}
