import type { Executor, Listen } from "@/db/client";
import { logger } from "@/lib/logger";
import { parseBreaker, readAllBreakers, type RawBreaker } from "./breaker-statements";
import { closedSnapshot, keyString, type BreakerSnapshot, type ConnectorKey } from "./types";

/** The channel the database notifies (db/migrations/0037) with the new row on every breaker change. */
export const BREAKER_CHANNEL = "kassa_connector_breakers";
const RELISTEN_MS = 1_000;

export interface BreakerViewOptions {
  /** Where there is no LISTEN (Neon's serverless driver): how long a read is trusted. */
  fallbackTtlMs: number;
  relistenMs?: number;
}

/**
 * This instance's copy of every breaker row, so `admit` on a healthy connector costs no round trip.
 * Kept current by LISTEN/NOTIFY: the trigger sends each changed row at commit, and the copy keeps the
 * highest version per key (a late notification never undoes a newer write). Once listening, every row is
 * loaded, so a key with no row is known closed. Trust rules, as lib/api-keys/key-cache.ts:
 * - listening: serve from memory;
 * - the listening connection lost: serve nothing (every `get` is a miss, so callers read the database)
 *   until LISTEN is live again and the rows are reloaded; a read that raced the loss is not kept;
 * - no LISTEN at all (Neon: its driver is HTTP/WebSocket per query and cannot hold a session for
 *   LISTEN): each read is trusted for `fallbackTtlMs` (1 s): another instance's transition reaches this
 *   one within that second.
 */
export class BreakerView {
  private rows = new Map<string, BreakerSnapshot>();
  private readAt = new Map<string, number>();
  private generation = 0;
  private live = false;
  private complete = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: Executor,
    private readonly listen: Listen | undefined,
    private readonly opts: BreakerViewOptions,
  ) {}

  get listening(): boolean {
    return this.live;
  }

  /** Listens, then loads every row; resolves when served from memory (or, failing, keeps trying in the background). */
  async start(): Promise<void> {
    if (this.stopped || !this.listen) return;
    try {
      this.unlisten = await this.listen(BREAKER_CHANNEL, {
        notify: (payload) => this.onNotify(payload),
        lost: (error) => {
          this.goStale();
          logger.warn({ err: error }, "connector breakers: listener lost; reading breakers from the database until it listens again");
          this.scheduleRelisten();
        },
      });
    } catch (error) {
      logger.warn({ err: error }, "connector breakers: could not listen; reading breakers from the database");
      this.scheduleRelisten();
      return;
    }
    if (this.stopped) return void (await this.unlisten?.());
    this.generation++;
    this.live = true;
    await this.load();
  }

  /** Loads every row (after LISTEN is live, so nothing changes unseen in between). */
  private async load(): Promise<void> {
    const token = this.generation;
    try {
      const rows = await readAllBreakers(this.db);
      if (token !== this.generation || !this.live) return;
      for (const row of rows) this.merge(row);
      this.complete = true;
    } catch (error) {
      // Rows read one by one still fill the copy; only "no row means closed" waits for the next load.
      logger.warn({ err: error }, "connector breakers: could not load; reading missing ones from the database");
    }
  }

  private onNotify(payload: string): void {
    let row: BreakerSnapshot;
    try {
      row = parseBreaker(JSON.parse(payload) as RawBreaker);
    } catch (error) {
      logger.warn({ err: error, payload }, "connector breakers: unreadable notification; reloading");
      this.rows.clear();
      this.complete = false;
      this.generation++;
      void this.load();
      return;
    }
    if (this.live) this.merge(row);
  }

  private goStale(): void {
    this.live = false;
    this.complete = false;
    this.generation++;
    this.rows.clear();
  }

  private scheduleRelisten(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, this.opts.relistenMs ?? RELISTEN_MS);
    this.retry.unref?.();
  }

  private merge(row: BreakerSnapshot): void {
    const k = keyString(row);
    const held = this.rows.get(k);
    if (!held || row.version >= held.version) this.rows.set(k, row);
  }

  /** The shared state as this instance may trust it now, or undefined: ask the database. */
  get(key: ConnectorKey, now: number): BreakerSnapshot | undefined {
    const k = keyString(key);
    if (this.live) return this.rows.get(k) ?? (this.complete ? closedSnapshot(key) : undefined);
    if (this.listen) return undefined;
    const at = this.readAt.get(k);
    if (at === undefined || now - at >= this.opts.fallbackTtlMs) return undefined;
    return this.rows.get(k) ?? closedSnapshot(key);
  }

  /** Taken before a read or write; `accept` keeps its row only if no notification can have been missed since. */
  token(): number {
    return this.generation;
  }

  /** A row read or written through the database (null: it has no row). */
  accept(key: ConnectorKey, row: BreakerSnapshot | null, token: number, now: number): void {
    if (token !== this.generation) return;
    if (this.live) return this.merge(row ?? closedSnapshot(key));
    if (this.listen) return;
    this.merge(row ?? closedSnapshot(key));
    this.readAt.set(keyString(key), now);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.goStale();
    if (this.retry) clearTimeout(this.retry);
    await this.unlisten?.();
  }
}
