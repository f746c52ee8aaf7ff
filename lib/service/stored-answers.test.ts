import { describe, expect, it } from "vitest";
import { StoredAnswers, type StoredAnswer } from "./stored-answers";

const answer = (text: string, expiresAt = 10_000): StoredAnswer => ({
  method: "POST",
  path: "/api/v1/payments",
  requestHash: "h",
  status: 200,
  text,
  expiresAt,
});

describe("StoredAnswers", () => {
  it("answers until the key expires, then forgets it", () => {
    const held = new StoredAnswers({ entries: 10, chars: 1_000, entryChars: 100 });
    held.set("a", answer("{}", 5_000));
    expect(held.get("a", 4_999)?.text).toBe("{}");
    expect(held.get("a", 5_000)).toBeUndefined();
    expect(held.size).toEqual({ entries: 0, chars: 0 });
    expect(held.get("a", 0)).toBeUndefined();
  });

  it("drops the least recently used past its number of entries", () => {
    const held = new StoredAnswers({ entries: 2, chars: 1_000, entryChars: 100 });
    held.set("a", answer("1"));
    held.set("b", answer("2"));
    held.get("a", 0); // a is now the most recently used
    held.set("c", answer("3"));
    expect([held.get("a", 0)?.text, held.get("b", 0)?.text, held.get("c", 0)?.text]).toEqual(["1", undefined, "3"]);
    expect(held.size).toEqual({ entries: 2, chars: 2 });
  });

  it("drops the least recently used past its characters, and never holds one answer over its own limit", () => {
    const held = new StoredAnswers({ entries: 100, chars: 10, entryChars: 6 });
    held.set("a", answer("aaaa"));
    held.set("b", answer("bbbb"));
    held.set("c", answer("cccc")); // 12 characters: a goes
    expect(held.get("a", 0)).toBeUndefined();
    expect(held.size).toEqual({ entries: 2, chars: 8 });
    held.set("big", answer("1234567"));
    expect(held.get("big", 0)).toBeUndefined();
    expect(held.size).toEqual({ entries: 2, chars: 8 });
  });

  it("replaces a key's answer without counting it twice", () => {
    const held = new StoredAnswers({ entries: 10, chars: 100, entryChars: 100 });
    held.set("a", answer("12345"));
    held.set("a", answer("123"));
    expect(held.size).toEqual({ entries: 1, chars: 3 });
    expect(held.get("a", 0)?.text).toBe("123");
  });
});
