import { describe, expect, it } from "vitest";
import { backoffMs, parseDuration, retryAfter, sleepUntil } from "./backoff";
import { evaluate, matches } from "./expression";
import { createHmac } from "node:crypto";
import { canonicalJson, signBody } from "../signature";
import { ulid } from "./storage";

describe("durations and backoff", () => {
  it("parses the SDK's duration strings", () => {
    expect(parseDuration("5s")).toBe(5_000);
    expect(parseDuration("10m")).toBe(600_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1w2d")).toBe(9 * 86_400_000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("")).toBeUndefined();
  });

  it("reads sleepUntil ISO dates and Retry-After seconds or dates", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(sleepUntil("2026-02-01T00:00:00.000Z", undefined, now)?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(sleepUntil(undefined, { duration: "1m" }, now)?.toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect(retryAfter("120", now)?.toISOString()).toBe("2026-01-01T00:02:00.000Z");
    expect(retryAfter("2026-01-01T01:00:00.000Z", now)?.toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(retryAfter(null, now)).toBeUndefined();
  });

  it("follows the engine's table and caps at 2 h, plus jitter", () => {
    expect([0, 1, 2, 3, 4, 9, 15].map((a) => backoffMs(a, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000, 300_000, 7_200_000, 7_200_000]);
    expect(backoffMs(0, () => 29_999)).toBe(44_999);
  });
});

describe("expressions (CEL subset)", () => {
  const scope = { event: { data: { id: "pi_1", n: 3, nested: { ok: true } } }, async: { data: { id: "pi_1", n: 4 } } };
  it("evaluates comparisons, && / || / ! and literals", () => {
    expect(matches("event.data.id == async.data.id", scope)).toBe(true);
    expect(matches("event.data.id == 'pi_2'", scope)).toBe(false);
    expect(matches("event.data.n < async.data.n && event.data.nested.ok == true", scope)).toBe(true);
    expect(matches("event.data.missing == null || false", scope)).toBe(true);
    expect(matches("!(event.data.n >= 3)", scope)).toBe(false);
    expect(matches('async.data.id != "pi_1"', scope)).toBe(false);
    expect(evaluate("event.data.nested", scope)).toEqual({ ok: true });
    expect(matches(undefined, scope)).toBe(true);
  });

  it("throws on what it does not support instead of matching", () => {
    expect(() => evaluate("size(event.data.id) > 1", scope)).toThrow(/function calls/);
    expect(() => evaluate("event.data.id in ['a']", scope)).toThrow();
    expect(() => evaluate("'open", scope)).toThrow(/unterminated/);
  });
});

describe("signing", () => {
  it("canonicalises JSON with sorted keys and signs body + timestamp", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x" }], u: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    // HMAC-SHA256("key", "{}" + "1700000000"), key = signing key without its "signkey-test-" prefix.
    expect(signBody("{}", "signkey-test-key", 1_700_000_000)).toBe("t=1700000000&s=" + createHmac("sha256", "key").update("{}1700000000").digest("hex"));
  });
});

describe("ids", () => {
  it("ULIDs sort in creation order, also within one millisecond and with an older clock time", () => {
    const ids = [ulid(1_000), ulid(1_000), ulid(1_000), ulid(999), ulid(2_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(5);
    expect(ids[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
