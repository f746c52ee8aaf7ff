import { createHmac, createSign, createVerify, timingSafeEqual, type KeyObject } from "node:crypto";

/**
 * Request signing as UPI PSPs require it: Kassa signs `timestamp.method.path.body` with its RSA private
 * key (RSA-SHA256, base64) and the PSP verifies it with the public key registered for the merchant;
 * a request older than five minutes is refused. Callbacks go the other way, HMAC-SHA256 over the raw body.
 */
export const REQUEST_TOLERANCE_MS = 5 * 60_000;

export const signedPayload = (timestamp: string, method: string, path: string, body: string) => `${timestamp}.${method.toUpperCase()}.${path}.${body}`;

export function signRequest(privateKey: KeyObject, args: { timestamp: string; method: string; path: string; body: string }): string {
  return createSign("RSA-SHA256")
    .update(signedPayload(args.timestamp, args.method, args.path, args.body))
    .sign(privateKey, "base64");
}

export function verifyRequest(
  publicKey: KeyObject,
  args: { timestamp: string | null; signature: string | null; method: string; path: string; body: string; now: number },
): boolean {
  if (!args.timestamp || !args.signature || !/^\d{10,16}$/.test(args.timestamp)) return false;
  if (Math.abs(args.now - Number(args.timestamp)) > REQUEST_TOLERANCE_MS) return false;
  try {
    return createVerify("RSA-SHA256")
      .update(signedPayload(args.timestamp, args.method, args.path, args.body))
      .verify(publicKey, args.signature, "base64");
  } catch {
    return false;
  }
}

/** The callback's `X-Upi-Signature`: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signCallback(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

export function verifyCallback(secret: string, rawBody: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signCallback(secret, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
