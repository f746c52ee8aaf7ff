import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataRoot } from "@/db/data-dir";

/**
 * AES-256-GCM for secrets Kassa must be able to read back (webhook signing secrets). Keys come from
 * KASSA_ENCRYPTION_KEYS = "kid:base64key[,kid:base64key…]" — the first encrypts, all decrypt — so a
 * key can rotate: add the new one first, re-encrypt at leisure, then drop the old one. Every ciphertext
 * carries its key id. Outside production, a key is made once and kept in the data folder (db/data-dir.ts).
 */
export interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

export interface Sealed {
  keyId: string;
  /** base64url of iv (12 bytes) ‖ tag (16 bytes) ‖ ciphertext */
  ciphertext: string;
}

export function parseKeyring(spec: string): Keyring {
  const entries = spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, b64] = entry.split(":");
      if (!id || !b64 || !/^[\w-]{1,32}$/.test(id)) throw new Error("KASSA_ENCRYPTION_KEYS: each entry is kid:base64key (kid: letters, digits, _ or -)");
      const key = Buffer.from(b64, "base64");
      if (key.length !== 32) throw new Error(`KASSA_ENCRYPTION_KEYS: key ${id} must be 32 bytes (base64 of 32 random bytes), got ${key.length}`);
      return [id, key] as const;
    });
  if (entries.length === 0) throw new Error("KASSA_ENCRYPTION_KEYS is empty");
  return { current: { id: entries[0]![0], key: entries[0]![1] }, byId: new Map(entries) };
}

let cached: { spec: string; ring: Keyring } | undefined;

export function keyring(env: Record<string, string | undefined> = process.env): Keyring {
  let spec = env.KASSA_ENCRYPTION_KEYS;
  if (!spec) {
    if (env.NODE_ENV === "production" && env.KASSA_EMBEDDED !== "1") {
      throw new Error("Set KASSA_ENCRYPTION_KEYS (kid:base64 of 32 random bytes) to store webhook secrets in production.");
    }
    spec = localKeySpec();
  }
  if (cached?.spec !== spec) cached = { spec, ring: parseKeyring(spec) };
  return cached.ring;
}

function localKeySpec(): string {
  const file = path.join(dataRoot(), "encryption-key");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const spec = `local:${randomBytes(32).toString("base64")}`;
    try {
      fs.writeFileSync(file, spec, { mode: 0o600, flag: "wx" });
      return spec;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process made it first
    }
  }
}

export function seal(plaintext: string, ring: Keyring = keyring()): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: ring.current.id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url") };
}

export function open(sealed: Sealed, ring: Keyring = keyring()): string {
  const key = ring.byId.get(sealed.keyId);
  if (!key) throw new Error(`No encryption key with id ${sealed.keyId}: keep it in KASSA_ENCRYPTION_KEYS until its secrets are re-encrypted.`);
  const raw = Buffer.from(sealed.ciphertext, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
