import type { ApiKey } from "@/db/schema";
import type { z } from "zod";
import type { ApiKeyObject as ApiKeySchema } from "./api-key-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** Never includes the hash; a secret key's full value is only in the create/roll response. */
export type ApiKeyStatus = "active" | "expiring" | "expired" | "revoked";

/** `creator`: who made the key (its role is theirs); only the dashboard's list knows it. */
export function serializeApiKey(k: ApiKey, now = new Date(), creator: { email: string; role: string | null } | null = null) {
  const status: ApiKeyStatus = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? "expired" : k.expiresAt ? "expiring" : "active";
  return {
    id: k.id,
    object: "api_key" as const,
    kind: k.kind,
    name: k.name,
    livemode: k.livemode,
    redacted: k.displayPrefix,
    token: k.kind === "publishable" ? k.publishableToken : null,
    status,
    created: seconds(k.createdAt),
    last_used: seconds(k.lastUsedAt),
    expires: seconds(k.expiresAt),
    revoked: seconds(k.revokedAt),
    permissions: k.kind === "restricted" ? (k.permissions ?? {}) : null,
    created_by: creator,
  } satisfies z.input<typeof ApiKeySchema>;
}

export type ApiKeyObject = ReturnType<typeof serializeApiKey>;
