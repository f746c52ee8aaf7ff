import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys, memberships, type ApiKey, type Role } from "@/db/schema";
import { commitWrites } from "@/lib/service/commit";
import { KassaError } from "@/lib/service/errors";
import type { ApiKeyCache } from "./key-cache";
import { hashKey, parseKey } from "./secret";

const LAST_USED_GRANULARITY_MS = 60_000;

/** A key and the role it acts with: its creator's current role on the team (null: a merchant-wide key). */
export type AuthenticatedKey = ApiKey & { creatorRole: Role | null };

/**
 * Resolves a Bearer key to its row, or throws the 401 that says what is wrong with it. A key a team
 * member created acts with that member's current role, and stops working when they leave the team.
 */
export async function authenticateApiKey(
  db: Executor,
  authorization: string | null,
  { allowPublishable = false, now = new Date(), cache = null }: { allowPublishable?: boolean; now?: Date; cache?: ApiKeyCache | null } = {},
): Promise<AuthenticatedKey> {
  if (!authorization) {
    throw new KassaError("api_key_missing", "You did not provide an API key. Send it as a Bearer token in the Authorization header.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    throw new KassaError("api_key_invalid", "The Authorization header must be `Bearer <secret key>`.");
  }
  const key = match[1]!;
  const parsed = parseKey(key);
  if (!parsed) throw new KassaError("api_key_invalid", "Invalid API key provided.");
  if (parsed.kind === "publishable" && !allowPublishable) {
    throw new KassaError("secret_key_required", "This endpoint needs a secret key (sk_test_… or sk_live_…); publishable keys only work from a browser.");
  }
  const hash = hashKey(key);
  const cached = cache?.get(hash, now.getTime());
  if (cached) return checked(db, cached, cached.creatorRole, parsed, now);
  const token = cache?.token() ?? 0;
  // One round trip: the key and its creator's membership in the key's merchant.
  const [found] = await db
    .select({ key: apiKeys, creatorRole: memberships.role })
    .from(apiKeys)
    .leftJoin(memberships, and(eq(memberships.userId, apiKeys.createdBy), eq(memberships.merchantId, apiKeys.merchantId)))
    .where(eq(apiKeys.keyHash, hash));
  const resolved = await checked(db, found?.key, found?.creatorRole ?? null, parsed, now);
  cache?.set(hash, resolved, token, now.getTime());
  return resolved;
}

/** The key as found (in the database or the cache) checked for use now: mode, kind, revoked, expired, creator gone. */
async function checked(
  db: Executor,
  row: ApiKey | undefined,
  creatorRole: Role | null,
  parsed: NonNullable<ReturnType<typeof parseKey>>,
  now: Date,
): Promise<AuthenticatedKey> {
  // The mode is part of the hashed key, so a test secret under a live prefix finds nothing.
  if (!row || row.livemode !== (parsed.mode === "live") || row.kind !== parsed.kind) {
    throw new KassaError("api_key_invalid", "Invalid API key provided.");
  }
  if (row.revokedAt) throw new KassaError("api_key_expired", "This API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) {
    throw new KassaError("api_key_expired", "This API key was rolled and has expired.");
  }
  const byMember = row.createdBy?.startsWith("usr_") ?? false;
  if (byMember && !creatorRole) {
    throw new KassaError("api_key_expired", "The team member who created this API key is no longer on the team; the key stopped working with them.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    // Coarse on purpose: one write a minute per key, not one per request.
    const ctx = { merchantId: row.merchantId, livemode: row.livemode, actor: { type: "api_key" as const, id: row.id, label: row.displayPrefix }, db };
    await commitWrites(ctx, db, (db) => [
      db
        .update(apiKeys)
        .set({ lastUsedAt: now, updatedAt: sql`${apiKeys.updatedAt}` })
        .where(eq(apiKeys.id, row.id)),
    ]);
    row.lastUsedAt = now; // a cached key's too, so its next minute's write is the next one
  }
  return { ...row, creatorRole: byMember ? creatorRole : null };
}
