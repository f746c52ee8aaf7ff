import { createHash, randomBytes } from "node:crypto";
import { publicBaseUrl } from "@/lib/public-url";

/**
 * How long a portal link opens the portal: one hour from its creation, fixed (visiting it does not
 * extend it). Stripe's portal sessions are short-lived too; a merchant makes a new one each time the
 * customer clicks "Manage billing" on their site.
 */
export const PORTAL_SESSION_TTL_MS = 60 * 60 * 1000;

/** A token: 32 random bytes (256 bits) as base64url, 43 characters, nothing else. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newPortalToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored and looked up: the token's SHA-256, hex. A 256-bit random token needs no slow hash. */
export function hashPortalToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const isPortalToken = (value: unknown): value is string => typeof value === "string" && TOKEN.test(value);

/** The portal page's path and URL; the token is the only thing in them. */
export const portalPath = (token: string) => `/billing/${token}`;
export const portalUrl = (token: string) => `${publicBaseUrl()}${portalPath(token)}`;
