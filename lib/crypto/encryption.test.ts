import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, parseKeyring, seal } from "./encryption";

const k = () => randomBytes(32).toString("base64");

describe("AES-256-GCM secrets with key ids", () => {
  it("round-trips, never repeats a ciphertext, and names the key that sealed it", () => {
    const ring = parseKeyring(`k2:${k()},k1:${k()}`);
    const a = seal("whsec_abc", ring);
    const b = seal("whsec_abc", ring);
    expect(a.keyId).toBe("k2");
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.ciphertext).not.toContain("whsec");
    expect(open(a, ring)).toBe("whsec_abc");
  });

  it("rotates: old ciphertexts open while their key is listed, new ones use the first key", () => {
    const old = `k1:${k()}`;
    const sealedOld = seal("secret-1", parseKeyring(old));
    const rotated = parseKeyring(`k2:${k()},${old}`);
    expect(open(sealedOld, rotated)).toBe("secret-1");
    expect(seal("secret-2", rotated).keyId).toBe("k2");
    expect(() => open(sealedOld, parseKeyring(`k2:${k()}`))).toThrow(/No encryption key with id k1/);
  });

  it("refuses a tampered ciphertext and malformed key settings", () => {
    const ring = parseKeyring(`k1:${k()}`);
    const s = seal("secret", ring);
    const raw = Buffer.from(s.ciphertext, "base64url");
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => open({ ...s, ciphertext: raw.toString("base64url") }, ring)).toThrow();
    expect(() => parseKeyring("k1:short")).toThrow(/32 bytes/);
    expect(() => parseKeyring("nokey")).toThrow(/kid:base64key/);
    expect(() => parseKeyring("")).toThrow(/empty/);
  });
});
