export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  reset: number;
}

export interface RateLimitRule {
  /** Namespaces the counters ("api", "login:ip"…). */
  name: string;
  limit: number;
  windowMs: number;
  /** On a limiter timeout or outage: deny (true) or allow (false). */
  failClosed?: boolean;
  timeoutMs?: number;
}

export interface RateLimiter {
  limit(identifier: string): Promise<RateLimitResult>;
}

export class RateLimiterUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("rate limiter unavailable", { cause });
    this.name = "RateLimiterUnavailableError";
  }
}

/** Parses "100/1s", "5/15m" into a limit and window. */
export function parseRule(spec: string): { limit: number; windowMs: number } {
  const match = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m|h)$/.exec(spec.trim());
  if (!match) throw new Error(`Bad rate limit spec "${spec}" (expected like 100/1s)`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[3] as "ms" | "s" | "m" | "h"];
  const windowMs = Number(match[2]) * unit;
  // A 0 window makes the in-process limiter's arithmetic NaN (every request allowed).
  if (windowMs <= 0) throw new Error(`Bad rate limit spec "${spec}" (the window must be longer than 0)`);
  return { limit: Number(match[1]), windowMs };
}
