import { MemoryRateLimiter } from "./memory";
import { parseRule, type RateLimiter, type RateLimitRule } from "./types";
import { UpstashRateLimiter, redisFromEnv } from "./upstash";

export * from "./types";

/** Upstash when UPSTASH_REDIS_REST_URL/_TOKEN are set, the in-process window otherwise. */
export function createRateLimiter(rule: RateLimitRule, env: Record<string, string | undefined> = process.env): RateLimiter {
  const redis = redisFromEnv(env);
  return redis ? new UpstashRateLimiter(rule, redis) : new MemoryRateLimiter(rule);
}

// Limiters live on globalThis so every bundle of the app counts into the same window.
const GLOBAL_KEY = Symbol.for("kassa.rateLimiters");
type G = typeof globalThis & { [GLOBAL_KEY]?: Map<string, RateLimiter> };

function named(name: string, build: () => RateLimiter): RateLimiter {
  const g = globalThis as G;
  const map = (g[GLOBAL_KEY] ??= new Map());
  let limiter = map.get(name);
  if (!limiter) {
    limiter = build();
    map.set(name, limiter);
  }
  return limiter;
}

/** Per API key: KASSA_RATE_LIMIT_API, default 100 requests a second (Stripe's live-mode limit). */
export function apiRateLimiter(): RateLimiter {
  return named("api", () =>
    createRateLimiter({ name: "api", ...parseRule(process.env.KASSA_RATE_LIMIT_API ?? "100/1s") }),
  );
}

/** Login attempts per IP and per account; fail closed if the limiter cannot answer. */
export function loginRateLimiters(): { ip: RateLimiter; account: RateLimiter } {
  return {
    ip: named("login:ip", () =>
      createRateLimiter({
        name: "login:ip",
        failClosed: true,
        ...parseRule(process.env.KASSA_RATE_LIMIT_LOGIN_IP ?? "30/15m"),
      }),
    ),
    account: named("login:account", () =>
      createRateLimiter({
        name: "login:account",
        failClosed: true,
        ...parseRule(process.env.KASSA_RATE_LIMIT_LOGIN_ACCOUNT ?? "10/15m"),
      }),
    ),
  };
}
