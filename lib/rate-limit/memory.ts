import type { RateLimitResult, RateLimiter, RateLimitRule } from "./types";

interface Window {
  start: number;
  current: number;
  previous: number;
}

/**
 * In-process sliding window, the same approximation @upstash/ratelimit uses: the previous
 * window's count weighted by how much of it still overlaps, plus the current window's.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  async limit(identifier: string): Promise<RateLimitResult> {
    const { limit, windowMs } = this.rule;
    const now = this.now();
    const start = Math.floor(now / windowMs) * windowMs;
    this.sweep(now);
    let w = this.windows.get(identifier);
    if (!w || w.start < start - windowMs) w = { start, current: 0, previous: 0 };
    else if (w.start < start) w = { start, current: 0, previous: w.current };
    const overlap = 1 - (now - start) / windowMs;
    const used = Math.floor(w.previous * overlap) + w.current;
    const reset = start + windowMs;
    if (used >= limit) {
      this.windows.set(identifier, w);
      return { success: false, limit, remaining: 0, reset };
    }
    w.current += 1;
    this.windows.set(identifier, w);
    return { success: true, limit, remaining: Math.max(0, limit - used - 1), reset };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.rule.windowMs * 2) return;
    this.lastSweep = now;
    const horizon = Math.floor(now / this.rule.windowMs) * this.rule.windowMs - this.rule.windowMs;
    for (const [key, w] of this.windows) if (w.start < horizon) this.windows.delete(key);
  }
}
