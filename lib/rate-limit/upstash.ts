import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { RateLimiterUnavailableError, type RateLimitResult, type RateLimiter, type RateLimitRule } from "./types";

/** Shared limits across instances through Upstash Redis (REST). */
export class UpstashRateLimiter implements RateLimiter {
  private readonly ratelimit: Ratelimit;

  constructor(
    private readonly rule: RateLimitRule,
    redis: Redis,
  ) {
    this.ratelimit = new Ratelimit({
      redis,
      limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowMs} ms`),
      prefix: `kassa:rl:${rule.name}`,
      timeout: rule.timeoutMs ?? 1000,
      analytics: false,
      ephemeralCache: false,
    });
  }

  async limit(identifier: string): Promise<RateLimitResult> {
    let result: Awaited<ReturnType<Ratelimit["limit"]>>;
    try {
      result = await this.ratelimit.limit(identifier);
    } catch (error) {
      if (this.rule.failClosed) throw new RateLimiterUnavailableError(error);
      return this.open();
    }
    // The library answers success on its own timeout; login must not be let through blind.
    if (result.reason === "timeout") {
      if (this.rule.failClosed) throw new RateLimiterUnavailableError("timeout");
      return this.open();
    }
    await result.pending;
    return { success: result.success, limit: result.limit, remaining: result.remaining, reset: result.reset };
  }

  private open(): RateLimitResult {
    return { success: true, limit: this.rule.limit, remaining: this.rule.limit, reset: Date.now() + this.rule.windowMs };
  }
}

export function redisFromEnv(env: Record<string, string | undefined> = process.env): Redis | null {
  const url = env.UPSTASH_REDIS_REST_URL;
  const token = env.UPSTASH_REDIS_REST_TOKEN;
  if (!url || !token) return null;
  return new Redis({ url, token, retry: { retries: 0 }, enableTelemetry: false });
}
