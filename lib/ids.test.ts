import { describe, expect, it } from "vitest";
import { idTime, isId, newId } from "./ids";

describe("ids", () => {
  it("are prefixed and well formed", () => {
    const id = newId("merchant");
    expect(id).toMatch(/^mer_[0-9a-z]{26}$/);
    expect(isId("merchant", id)).toBe(true);
    expect(isId("user", id)).toBe(false);
  });

  it("sort by creation time, also within one millisecond", () => {
    const ids = Array.from({ length: 2000 }, () => newId("event"));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("carry their creation time and never go backwards with the clock", () => {
    const before = Date.now();
    const a = newId("payment");
    expect(idTime(a).getTime()).toBeGreaterThanOrEqual(before);
    expect(idTime(a).getTime()).toBeLessThanOrEqual(Date.now());
    const future = Date.now() + 60_000;
    const b = newId("payment", future);
    expect(idTime(b).getTime()).toBe(future);
    const c = newId("payment", future - 30_000); // a clock step back still sorts after b
    expect(c > b).toBe(true);
  });
});
