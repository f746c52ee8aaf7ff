import { describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory";
import { parseRule, type RateLimitRule } from "@/lib/rate-limit/types";

/** A window-aligned epoch instant, so window starts are T0, T0 + 1000… */
const T0 = 1_800_000_000_000;

function limiterAt(rule: Omit<RateLimitRule, "name">, start = T0) {
  const clock = { now: start };
  const limiter = new MemoryRateLimiter({ name: "test", ...rule }, () => clock.now);
  return { limiter, clock };
}

async function successes(limiter: MemoryRateLimiter, id: string, attempts: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < attempts; i++) if ((await limiter.limit(id)).success) ok++;
  return ok;
}

describe("MemoryRateLimiter", () => {
  it("allows exactly `limit` requests in a window, then denies with remaining 0", async () => {
    const { limiter, clock } = limiterAt({ limit: 3, windowMs: 1000 });
    clock.now = T0 + 100;
    expect(await limiter.limit("ip")).toEqual({ success: true, limit: 3, remaining: 2, reset: T0 + 1000 });
    expect(await limiter.limit("ip")).toEqual({ success: true, limit: 3, remaining: 1, reset: T0 + 1000 });
    clock.now = T0 + 900;
    expect(await limiter.limit("ip")).toEqual({ success: true, limit: 3, remaining: 0, reset: T0 + 1000 });
    for (let i = 0; i < 5; i++) {
      expect(await limiter.limit("ip")).toEqual({ success: false, limit: 3, remaining: 0, reset: T0 + 1000 });
    }
  });

  it("reports the end of the current window as reset", async () => {
    const { limiter, clock } = limiterAt({ limit: 100, windowMs: 60_000 }, T0);
    expect((await limiter.limit("a")).reset).toBe(T0 + 60_000);
    clock.now = T0 + 59_999;
    expect((await limiter.limit("a")).reset).toBe(T0 + 60_000);
    clock.now = T0 + 60_000;
    expect((await limiter.limit("a")).reset).toBe(T0 + 120_000);
    clock.now = T0 + 61_234;
    expect((await limiter.limit("a")).reset).toBe(T0 + 120_000);
  });

  it("slides: the previous window counts, weighted by how much of it still overlaps", async () => {
    const { limiter, clock } = limiterAt({ limit: 3, windowMs: 1000 });

    clock.now = T0 + 100;
    expect(await successes(limiter, "k", 10)).toBe(3); // 7 denied attempts must not count

    // Start of the next window: the previous one still weighs fully (3 × 1).
    clock.now = T0 + 1000;
    expect(await limiter.limit("k")).toEqual({ success: false, limit: 3, remaining: 0, reset: T0 + 2000 });

    // Half way: floor(3 × 0.5) = 1 used, so 2 more.
    clock.now = T0 + 1500;
    expect(await limiter.limit("k")).toEqual({ success: true, limit: 3, remaining: 1, reset: T0 + 2000 });
    expect(await limiter.limit("k")).toEqual({ success: true, limit: 3, remaining: 0, reset: T0 + 2000 });
    expect((await limiter.limit("k")).success).toBe(false);

    // End of the window: floor(3 × 0.001) = 0 from before + 2 now, so 1 more.
    clock.now = T0 + 1999;
    expect(await successes(limiter, "k", 5)).toBe(1);

    // Next window: the previous (now T0+1000's, with 3) weighs fully again.
    clock.now = T0 + 2000;
    expect((await limiter.limit("k")).success).toBe(false);
    clock.now = T0 + 2500;
    expect(await successes(limiter, "k", 5)).toBe(2);

    // A whole window without traffic: nothing carries over.
    clock.now = T0 + 4000;
    expect(await limiter.limit("k")).toEqual({ success: true, limit: 3, remaining: 2, reset: T0 + 5000 });
    expect(await successes(limiter, "k", 5)).toBe(2);
  });

  it("counts identifiers independently", async () => {
    const { limiter, clock } = limiterAt({ limit: 2, windowMs: 1000 });
    clock.now = T0 + 10;
    expect(await successes(limiter, "alice", 4)).toBe(2);
    expect(await limiter.limit("bob")).toEqual({ success: true, limit: 2, remaining: 1, reset: T0 + 1000 });
    expect(await successes(limiter, "bob", 3)).toBe(1);
    expect((await limiter.limit("alice")).success).toBe(false);
  });

  it("keeps the previous window through its periodic sweep of old counters", async () => {
    const { limiter, clock } = limiterAt({ limit: 3, windowMs: 1000 });
    clock.now = T0 + 100;
    await limiter.limit("other"); // sweeps once (last sweep at T0 + 100)
    clock.now = T0 + 1100;
    expect(await successes(limiter, "a", 3)).toBe(3);
    clock.now = T0 + 2100;
    await limiter.limit("other"); // sweeps again; "a"'s window (T0+1000) is the previous one, still needed
    // floor(3 × 0.9) = 2 from the previous window, so only 1 more.
    expect(await successes(limiter, "a", 3)).toBe(1);
  });

  it("uses the wall clock by default", async () => {
    const limiter = new MemoryRateLimiter({ name: "wall", limit: 1, windowMs: 60_000 });
    const before = Date.now();
    const result = await limiter.limit("x");
    expect(result.success).toBe(true);
    expect(result.reset).toBeGreaterThan(before);
    expect(result.reset).toBeLessThanOrEqual(Date.now() + 60_000);
    expect((await limiter.limit("x")).success).toBe(false);
  });
});

describe("parseRule", () => {
  it("parses count/window specs", () => {
    expect(parseRule("100/1s")).toEqual({ limit: 100, windowMs: 1000 });
    expect(parseRule("5/15m")).toEqual({ limit: 5, windowMs: 15 * 60_000 });
    expect(parseRule("30/15m")).toEqual({ limit: 30, windowMs: 900_000 });
    expect(parseRule("250/500ms")).toEqual({ limit: 250, windowMs: 500 });
    expect(parseRule("1000/2h")).toEqual({ limit: 1000, windowMs: 7_200_000 });
    expect(parseRule(" 10 / 1 s ")).toEqual({ limit: 10, windowMs: 1000 });
  });

  it.each(["", "garbage", "100", "100/", "/1s", "100/s", "100/1", "100/1d", "100/1sec", "1.5/1s", "-1/1s", "100/-1s", "100/1s extra", "ten/1s"])(
    "rejects %j",
    (spec) => {
      expect(() => parseRule(spec)).toThrow(/Bad rate limit spec/);
    },
  );

  it("rejects a zero-length window", () => {
    expect(() => parseRule("5/0s")).toThrow(/Bad rate limit spec/);
    expect(() => parseRule("5/0ms")).toThrow(/Bad rate limit spec/);
  });
});
