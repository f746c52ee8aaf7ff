import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys, type ApiKey } from "@/db/schema";
import { KassaError } from "@/lib/errors";
import { hashKey, parseKey } from "./secret";

const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves a Bearer key to its row, or throws the 401 that says what is wrong with it. */
export async function authenticateApiKey(
  db: Executor,
  authorization: string | null,
  { allowPublishable = false, now = new Date() } = {},
): Promise<ApiKey> {
  if (!authorization) {
    throw new KassaError(
      "api_key_missing",
      "You did not provide an API key. Send it as a Bearer token in the Authorization header.",
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    throw new KassaError("api_key_invalid", "The Authorization header must be `Bearer <secret key>`.");
  }
  const key = match[1]!;
  const parsed = parseKey(key);
  if (!parsed) throw new KassaError("api_key_invalid", "Invalid API key provided.");
  if (parsed.kind === "publishable" && !allowPublishable) {
    throw new KassaError(
      "secret_key_required",
      "This endpoint needs a secret key (sk_test_… or sk_live_…); publishable keys only work from a browser.",
    );
  }
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, hashKey(key)));
  // The mode is part of the hashed key, so a test secret under a live prefix finds nothing.
  if (!row || row.livemode !== (parsed.mode === "live") || row.kind !== parsed.kind) {
    throw new KassaError("api_key_invalid", "Invalid API key provided.");
  }
  if (row.revokedAt) throw new KassaError("api_key_expired", "This API key has been revoked.");
  if (row.expiresAt && row.expiresAt <= now) {
    throw new KassaError("api_key_expired", "This API key was rolled and has expired.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    // Coarse on purpose: one write a minute per key, not one per request.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now, updatedAt: sql`${apiKeys.updatedAt}` })
      .where(eq(apiKeys.id, row.id));
  }
  return row;
}
