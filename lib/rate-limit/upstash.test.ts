import { createHash } from "node:crypto";
import net from "node:net";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, RateLimiterUnavailableError, type RateLimitRule } from "@/lib/rate-limit";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory";
import { UpstashRateLimiter } from "@/lib/rate-limit/upstash";
import { startRedisServer, type RedisServer } from "@/test/redis-server";
import { RespClient, startUpstashRestServer, type UpstashRestServer } from "@/test/upstash-rest-server";

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let seq = 0;
/** A fresh limiter namespace per test, so tests never share counters. */
const uniqueName = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${seq++}`;

function redisFor(server: { url: string; token: string }, token = server.token): Redis {
  return new Redis({ url: server.url, token, retry: { retries: 0 }, enableTelemetry: false });
}

function env(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { NODE_ENV: "test", ...vars };
}

function envFor(server: UpstashRestServer): NodeJS.ProcessEnv {
  return env({ UPSTASH_REDIS_REST_URL: server.url, UPSTASH_REDIS_REST_TOKEN: server.token });
}

/**
 * Windows are aligned to the epoch; if the current one ends within `marginMs`, wait for the next so
 * a test's requests all land in one window (the previous window's weight would blur the counts).
 */
async function awayFromWindowEdge(windowMs: number, marginMs = 15_000): Promise<number> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 20);
  return Math.floor(Date.now() / windowMs) * windowMs;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let redisServer: RedisServer;
let rest: UpstashRestServer;
let resp: RespClient;

beforeAll(async () => {
  redisServer = await startRedisServer();
  rest = await startUpstashRestServer({ redisPort: redisServer.port, token: "kassa-test-token" });
  resp = await RespClient.connect(redisServer.port);
});

afterAll(async () => {
  resp?.close();
  await rest?.close();
  await redisServer?.stop();
});

describe("UpstashRateLimiter against a real redis-server", () => {
  it("allows exactly `limit` requests in a window, then denies with remaining 0 and a future reset", async () => {
    const rule: RateLimitRule = { name: uniqueName("exact"), limit: 5, windowMs: HOUR };
    const limiter = new UpstashRateLimiter(rule, redisFor(rest));
    const windowStart = await awayFromWindowEdge(HOUR);
    const reset = windowStart + HOUR;

    for (let i = 0; i < rule.limit; i++) {
      expect(await limiter.limit("203.0.113.7")).toEqual({ success: true, limit: 5, remaining: 4 - i, reset });
    }
    for (let i = 0; i < 3; i++) {
      const denied = await limiter.limit("203.0.113.7");
      expect(denied).toEqual({ success: false, limit: 5, remaining: 0, reset });
      expect(denied.reset).toBeGreaterThan(Date.now());
    }

    // The count lives in the real Redis, under the rule's prefix, and expires after two windows.
    const key = `kassa:rl:${rule.name}:203.0.113.7:${windowStart / HOUR}`;
    expect(await resp.call("GET", key)).toEqual(Buffer.from("5"));
    const ttl = (await resp.call("PTTL", key)) as number;
    expect(ttl).toBeGreaterThan(HOUR);
    expect(ttl).toBeLessThanOrEqual(2 * HOUR + 1000);
  });

  it("two limiter instances (two app instances) share one count", async () => {
    const rule: RateLimitRule = { name: uniqueName("shared"), limit: 4, windowMs: HOUR };
    const a = createRateLimiter(rule, envFor(rest));
    const b = createRateLimiter(rule, envFor(rest));
    expect(a).toBeInstanceOf(UpstashRateLimiter);
    expect(b).toBeInstanceOf(UpstashRateLimiter);
    await awayFromWindowEdge(HOUR);

    const remaining: number[] = [];
    for (const limiter of [a, b, a, b]) {
      const r = await limiter.limit("acct_1");
      expect(r.success).toBe(true);
      remaining.push(r.remaining);
    }
    expect(remaining).toEqual([3, 2, 1, 0]);
    expect((await a.limit("acct_1")).success).toBe(false);
    expect((await b.limit("acct_1")).success).toBe(false);
  });

  it("a concurrent burst from two instances lets exactly `limit` through", async () => {
    const rule: RateLimitRule = { name: uniqueName("burst"), limit: 7, windowMs: HOUR };
    const a = new UpstashRateLimiter(rule, redisFor(rest));
    const b = new UpstashRateLimiter(rule, redisFor(rest));
    await awayFromWindowEdge(HOUR);

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).limit("key_burst")));
    expect(results.filter((r) => r.success)).toHaveLength(7);
    expect(results.filter((r) => !r.success).every((r) => r.remaining === 0)).toBe(true);
    expect(
      results
        .filter((r) => r.success)
        .map((r) => r.remaining)
        .sort((x, y) => x - y),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("counts different identifiers independently", async () => {
    const rule: RateLimitRule = { name: uniqueName("ids"), limit: 2, windowMs: HOUR };
    const limiter = new UpstashRateLimiter(rule, redisFor(rest));
    await awayFromWindowEdge(HOUR);

    expect((await limiter.limit("alice")).success).toBe(true);
    expect((await limiter.limit("alice")).success).toBe(true);
    expect((await limiter.limit("alice")).success).toBe(false);

    const bob = await limiter.limit("bob");
    expect(bob).toMatchObject({ success: true, remaining: 1 });
    expect((await limiter.limit("bob")).success).toBe(true);
    expect((await limiter.limit("bob")).success).toBe(false);

    // Another rule name is another namespace, even for the same identifier.
    const other = new UpstashRateLimiter({ ...rule, name: uniqueName("ids-other") }, redisFor(rest));
    expect(await other.limit("alice")).toMatchObject({ success: true, remaining: 1 });
  });

  describe("when the server is slower than timeoutMs", () => {
    let slow: UpstashRestServer;

    beforeAll(async () => {
      slow = await startUpstashRestServer({ redisPort: redisServer.port, token: "slow-token", delayMs: 1000 });
    });
    afterAll(async () => {
      await slow?.close();
    });

    it("a failClosed rule throws RateLimiterUnavailableError without waiting for the answer", async () => {
      const limiter = new UpstashRateLimiter({ name: uniqueName("slow-closed"), limit: 3, windowMs: HOUR, failClosed: true, timeoutMs: 150 }, redisFor(slow));
      const started = Date.now();
      const error = await limiter.limit("203.0.113.9").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RateLimiterUnavailableError);
      expect((error as Error).cause).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(900);
    });

    it("a non-failClosed rule lets the request through", async () => {
      const rule: RateLimitRule = { name: uniqueName("slow-open"), limit: 3, windowMs: HOUR, timeoutMs: 150 };
      const limiter = new UpstashRateLimiter(rule, redisFor(slow));
      const started = Date.now();
      const result = await limiter.limit("203.0.113.9");
      expect(Date.now() - started).toBeLessThan(900);
      expect(result).toMatchObject({ success: true, limit: 3, remaining: 3 });
      expect(result.reset).toBeGreaterThan(Date.now());
    });

    it("the same slow server answers for real within a generous timeout (the delay is what trips the others)", async () => {
      const limiter = new UpstashRateLimiter(
        { name: uniqueName("slow-patient"), limit: 3, windowMs: HOUR, failClosed: true, timeoutMs: 10_000 },
        redisFor(slow),
      );
      await awayFromWindowEdge(HOUR);
      const started = Date.now();
      expect(await limiter.limit("203.0.113.9")).toMatchObject({ success: true, limit: 3, remaining: 2 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });
  });

  describe("when the server is unreachable", () => {
    it("a failClosed rule throws RateLimiterUnavailableError carrying the connection error", async () => {
      const limiter = new UpstashRateLimiter(
        { name: uniqueName("down-closed"), limit: 3, windowMs: HOUR, failClosed: true, timeoutMs: 5000 },
        redisFor({ url: `http://127.0.0.1:${await closedPort()}`, token: "t" }),
      );
      const started = Date.now();
      const error = await limiter.limit("acct_1").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RateLimiterUnavailableError);
      // A refused connection fails right away rather than through the limiter's own timeout.
      expect((error as Error).cause).toBeInstanceOf(Error);
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it("a non-failClosed rule lets the request through", async () => {
      const limiter = new UpstashRateLimiter(
        { name: uniqueName("down-open"), limit: 3, windowMs: HOUR, timeoutMs: 5000 },
        redisFor({ url: `http://127.0.0.1:${await closedPort()}`, token: "t" }),
      );
      const result = await limiter.limit("acct_1");
      expect(result).toMatchObject({ success: true, limit: 3, remaining: 3 });
      expect(result.reset).toBeGreaterThan(Date.now());
    });

    it("a rejected token (401) is an outage too: failClosed throws, others allow", async () => {
      const closed = new UpstashRateLimiter({ name: uniqueName("401-closed"), limit: 3, windowMs: HOUR, failClosed: true }, redisFor(rest, "wrong-token"));
      const error = await closed.limit("acct_1").then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RateLimiterUnavailableError);
      expect(String((error as Error).cause)).toMatch(/Unauthorized/);

      const open = new UpstashRateLimiter({ name: uniqueName("401-open"), limit: 3, windowMs: HOUR }, redisFor(rest, "wrong-token"));
      expect(await open.limit("acct_1")).toMatchObject({ success: true, remaining: 3 });
    });
  });

  it("loads the Lua script once: NOSCRIPT → EVAL on first use, EVALSHA only afterwards", async () => {
    const fresh = await startUpstashRestServer({ redisPort: redisServer.port });
    try {
      await resp.call("SCRIPT", "FLUSH");
      const limiter = new UpstashRateLimiter({ name: uniqueName("sha"), limit: 10, windowMs: HOUR }, redisFor(fresh));
      await awayFromWindowEdge(HOUR);
      expect((await limiter.limit("x")).remaining).toBe(9);
      expect((await limiter.limit("x")).remaining).toBe(8);
      const names = fresh.commands.map((c) => c[0]!.toLowerCase());
      expect(names).toEqual(["evalsha", "eval", "evalsha"]);
      expect(fresh.commands[0]![1]).toBe(fresh.commands[2]![1]);
    } finally {
      await fresh.close();
    }
  });
});

describe("createRateLimiter", () => {
  const rule: RateLimitRule = { name: "pick", limit: 1, windowMs: 1000 };

  it("picks Upstash when UPSTASH_REDIS_REST_URL and _TOKEN are set", () => {
    expect(createRateLimiter(rule, envFor(rest))).toBeInstanceOf(UpstashRateLimiter);
  });

  it("picks the in-process window otherwise", () => {
    expect(createRateLimiter(rule, env({}))).toBeInstanceOf(MemoryRateLimiter);
    expect(createRateLimiter(rule, env({ UPSTASH_REDIS_REST_URL: rest.url }))).toBeInstanceOf(MemoryRateLimiter);
    expect(createRateLimiter(rule, env({ UPSTASH_REDIS_REST_TOKEN: rest.token }))).toBeInstanceOf(MemoryRateLimiter);
    expect(createRateLimiter(rule, env({ UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "" }))).toBeInstanceOf(MemoryRateLimiter);
  });
});

describe("the Upstash REST shim (test/upstash-rest-server.ts)", () => {
  const script = `#!lua flags=allow-key-locking
    return redis.call("INCRBY", KEYS[1], ARGV[1])`;
  const scriptSha = createHash("sha1").update(script).digest("hex");

  it("round-trips strings through base64, numbers as numbers, status replies", async () => {
    const redis = redisFor(rest);
    const key = uniqueName("shim-str");
    expect(await redis.set(key, "grüße ✓ 𝄞")).toBe("OK");
    expect(await redis.get(key)).toBe("grüße ✓ 𝄞");
    expect(await redis.incr(`${key}:n`)).toBe(1);
    expect(await redis.get(`${key}:n`)).toBe(1);
    expect(await redis.get(`${key}:missing`)).toBeNull();
    expect(await redis.ping()).toBe("PONG");
    expect(await redis.type(key)).toBe("string");
    await redis.rpush(`${key}:l`, "a", "b");
    expect(await redis.lrange(`${key}:l`, 0, -1)).toEqual(["a", "b"]);
  });

  it("answers pipelines item by item, errors included", async () => {
    const redis = redisFor(rest);
    const key = uniqueName("shim-pipe");
    const results = await redis.pipeline().set(key, "word").incr(key).get(key).exec({ keepErrors: true });
    expect(results[0]).toMatchObject({ result: "OK" });
    expect(results[1]!.error).toMatch(/not an integer/);
    expect(results[2]).toMatchObject({ result: "word" });
  });

  it("runs multi-exec transactions", async () => {
    const redis = redisFor(rest);
    const key = uniqueName("shim-multi");
    expect(await redis.multi().incr(key).incrby(key, 5).get(key).exec()).toEqual([1, 6, 6]);
  });

  it("speaks the raw protocol: 401 without the token, 400 with an error, plain JSON without base64", async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${rest.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${rest.token}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });
    const key = uniqueName("shim-raw");

    const unauthorized = await post("/", ["PING"], { authorization: "Bearer nope" });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toHaveProperty("error");

    const bad = await post("/", ["GET"]);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/wrong number of arguments/i);

    expect(await (await post("/", ["SET", key, 42])).json()).toEqual({ result: "OK" });
    expect(await (await post("/", ["GET", key])).json()).toEqual({ result: "42" });
    expect(await (await post("/", ["GET", key], { "upstash-encoding": "base64" })).json()).toEqual({
      result: Buffer.from("42").toString("base64"),
    });

    const pipeline = await post("/pipeline", [
      ["INCR", key],
      ["HGET", key, "f"],
      ["GET", key],
    ]);
    expect(pipeline.status).toBe(200);
    const items = (await pipeline.json()) as { result?: unknown; error?: string }[];
    expect(items[0]).toEqual({ result: 43 });
    expect(items[1]!.error).toMatch(/WRONGTYPE/);
    expect(items[2]).toEqual({ result: "43" });

    const aborted = await post("/multi-exec", [["INCR", key], ["NOSUCHCOMMAND"]]);
    expect(aborted.status).toBe(400);
    expect((await aborted.json()).error).toMatch(/EXECABORT/);
    expect(await (await post("/", ["GET", key])).json()).toEqual({ result: "43" });
  });

  it("rewrites the allow-key-locking shebang and maps EVALSHA to the rewritten script", async () => {
    const fresh = await startUpstashRestServer({ redisPort: redisServer.port });
    try {
      const redis = redisFor(fresh);
      const key = uniqueName("shim-lua");
      // Redis 7.0 itself refuses the shebang.
      await expect(resp.call("EVAL", script, 1, key, 1)).rejects.toThrow(/allow-key-locking/);

      await resp.call("SCRIPT", "FLUSH");
      await expect(redis.evalsha(scriptSha, [key], [1])).rejects.toThrow(/NOSCRIPT/);
      expect(await redis.eval(script, [key], [2])).toBe(2);
      expect(await redis.evalsha(scriptSha, [key], [3])).toBe(5);
      expect(await redis.scriptExists(scriptSha)).toEqual([1]);

      await resp.call("SCRIPT", "FLUSH");
      expect(await redis.scriptLoad(script)).toBe(scriptSha);
      expect(await redis.evalsha(scriptSha, [key], [4])).toBe(9);
    } finally {
      await fresh.close();
    }
  });
});
