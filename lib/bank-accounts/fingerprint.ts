import { createHmac, hkdfSync } from "node:crypto";
import { keyring } from "@/lib/crypto/encryption";

/**
 * A bank account's fingerprint (Stripe's `fingerprint`): the same account gives the same value within a
 * merchant, and nothing outside Kassa can test guesses against it — an HMAC under a key derived from the
 * keyring's current key (rotating that key changes new fingerprints; stored ones stay as they were).
 */
export function bankAccountFingerprint(merchantId: string, routingNumber: string | null, number: string): string {
  const key = Buffer.from(hkdfSync("sha256", keyring().current.key, Buffer.alloc(0), "kassa bank account fingerprint", 32));
  return createHmac("sha256", key)
    .update(`${merchantId}\n${routingNumber ?? ""}\n${number}`)
    .digest("base64url")
    .slice(0, 16);
}
