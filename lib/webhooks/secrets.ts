import { randomBytes } from "node:crypto";
import type { WebhookEndpointRow } from "@/db/schema";
import { open, seal } from "@/lib/crypto/encryption";

/** How long a rotated-out secret keeps signing next to the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** `whsec_` + base64 of 32 random bytes: the Standard Webhooks secret format. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealSecret(secret: string): { secretCiphertext: string; secretKeyId: string } {
  const sealed = seal(secret);
  return { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId };
}

export function currentSecret(e: Pick<WebhookEndpointRow, "secretCiphertext" | "secretKeyId">): string {
  return open({ keyId: e.secretKeyId, ciphertext: e.secretCiphertext });
}

/** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
export function signingSecrets(e: WebhookEndpointRow, now = new Date()): string[] {
  const secrets = [currentSecret(e)];
  if (e.previousSecretCiphertext && e.previousSecretKeyId && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now) {
    secrets.push(open({ keyId: e.previousSecretKeyId, ciphertext: e.previousSecretCiphertext }));
  }
  return secrets;
}
