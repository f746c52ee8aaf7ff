import type { NewRequestLog } from "@/db/schema/request-logs";
import { logger } from "@/lib/logger";

/**
 * The in-process batch writer of request logs: `enqueue` is synchronous (the request never waits on a
 * database round trip for its log); a flush every `intervalMs` or as soon as `batchRows` rows wait writes
 * them in one multi-row INSERT. The queue is bounded: past `capacity` the oldest row is dropped and
 * counted, so a database that stalls costs logs, never memory. One flush runs at a time, never inside a
 * transaction of a request (it is started from a timer, not from a verb), so on PGlite's one connection
 * it waits for a running commit to finish instead of joining it.
 */
export interface BufferOptions {
  write: (rows: NewRequestLog[]) => Promise<void>;
  batchRows?: number;
  intervalMs?: number;
  capacity?: number;
  /** Counts for the metrics: rows dropped because the queue was full, or because their write failed. */
  onDrop?: (reason: "overflow" | "write_failed", rows: number) => void;
}

export class RequestLogBuffer {
  private queue: NewRequestLog[] = [];
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private soon = false;
  private closed = false;
  readonly batchRows: number;
  readonly intervalMs: number;
  readonly capacity: number;
  dropped = 0;
  written = 0;

  constructor(private readonly options: BufferOptions) {
    this.batchRows = options.batchRows ?? 200;
    this.intervalMs = options.intervalMs ?? 200;
    this.capacity = options.capacity ?? 10_000;
  }

  get size(): number {
    return this.queue.length;
  }

  /** Queues one row (already redacted); never waits, never throws. */
  enqueue(row: NewRequestLog): void {
    this.queue.push(row);
    if (this.queue.length > this.capacity) {
      const over = this.queue.length - this.capacity;
      this.queue.splice(0, over);
      this.dropped += over;
      this.options.onDrop?.("overflow", over);
    }
    if (this.closed || this.queue.length >= this.batchRows) this.flushSoon();
    else this.startTimer();
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref?.();
  }

  private flushSoon(): void {
    if (this.soon) return;
    this.soon = true;
    setImmediate(() => {
      this.soon = false;
      void this.flush();
    });
  }

  /** Writes everything queued, in batches of `batchRows`; resolves when the queue was empty once. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.queue.length > 0 ? this.flush() : undefined));
    if (this.queue.length === 0) {
      // Idle: no timer keeps firing for nothing.
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      return Promise.resolve();
    }
    this.flushing = (async () => {
      try {
        while (this.queue.length > 0) {
          const batch = this.queue.splice(0, this.batchRows);
          try {
            await this.options.write(batch);
            this.written += batch.length;
          } catch (err) {
            this.dropped += batch.length;
            this.options.onDrop?.("write_failed", batch.length);
            logger.warn({ err, rows: batch.length }, "request logs not written");
          }
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  /** On shutdown: no more timer; what is queued (and what still comes) is written now. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
