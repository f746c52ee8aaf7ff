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

/** A limiter kept once per process under `name`, its rule from the environment variable `env` (else `fallback`, e.g. "20/10m"). */
export function envRateLimiter(name: string, env: string, fallback: string): RateLimiter {
  return named(name, () => createRateLimiter({ name, ...parseRule(process.env[env] ?? fallback) }));
}

/** Per API key: KASSA_RATE_LIMIT_API, default 100 requests a second (Stripe's live-mode limit). */
export function apiRateLimiter(): RateLimiter {
  return named("api", () => createRateLimiter({ name: "api", ...parseRule(process.env.KASSA_RATE_LIMIT_API ?? "100/1s") }));
}

/**
 * Login attempts, failing closed if the limiter cannot answer: per client IP; per account from one IP
 * (so a stranger's guesses lock out the stranger, not the account's owner); and a slower per-account
 * backstop against guesses spread over many IPs.
 */
export function loginRateLimiters(): { ip: RateLimiter; accountIp: RateLimiter; account: RateLimiter } {
  const limiter = (name: string, env: string, fallback: string) =>
    named(name, () => createRateLimiter({ name, failClosed: true, ...parseRule(process.env[env] ?? fallback) }));
  return {
    ip: limiter("login:ip", "KASSA_RATE_LIMIT_LOGIN_IP", "30/15m"),
    accountIp: limiter("login:account-ip", "KASSA_RATE_LIMIT_LOGIN_ACCOUNT", "10/15m"),
    account: limiter("login:account", "KASSA_RATE_LIMIT_LOGIN_ACCOUNT_TOTAL", "100/1h"),
  };
}

/**
 * Anonymous opens of one payment link from one client IP (KASSA_RATE_LIMIT_PAYMENT_LINK, default
 * 20 in 10 minutes): each may start a checkout session, an event and a workflow run.
 */
export function paymentLinkRateLimiter(): RateLimiter {
  return named("payment-link", () => createRateLimiter({ name: "payment-link", ...parseRule(process.env.KASSA_RATE_LIMIT_PAYMENT_LINK ?? "20/10m") }));
}

/** Sign-ups and password-reset requests per client IP (KASSA_RATE_LIMIT_SIGNUP, default 10 an hour). */
export function signupRateLimiter(): RateLimiter {
  return named("signup", () => createRateLimiter({ name: "signup", ...parseRule(process.env.KASSA_RATE_LIMIT_SIGNUP ?? "10/1h") }));
}
