import { eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { settleApiKeyChange } from "@/lib/api-keys/key-cache";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { insertApiKey } from "./create-api-key";
import { findApiKey, findApiKeyForUpdate } from "./find-api-key";

export const ROLL_GRACE_MS = 24 * 60 * 60 * 1000;

/** Replaces a key with a new one; the old key keeps working for 24 hours. */
export async function rollApiKey({ ctx, id, now = new Date() }: { ctx: ServiceContext; id: string; now?: Date }) {
  requirePermission(ctx, "api_keys:write");
  // The key's own mode files the new key and the audit row (a key may be rolled from either mode's page).
  const { livemode } = await findApiKey(await executor(ctx), ctx, id);
  const rolled = await commit({ ...ctx, livemode }, async (tx, changes) => {
    const old = await findApiKeyForUpdate(tx, ctx, id);
    if (old.revokedAt || old.rolledToId || (old.expiresAt && old.expiresAt <= now)) {
      throw new KassaError("api_key_revoked", "This key was already revoked or rolled.", { param: "id" });
    }
    const created = await insertApiKey(tx, { ...ctx, livemode: old.livemode }, { kind: old.kind, name: old.name, permissions: old.permissions });
    const expiresAt = new Date(now.getTime() + ROLL_GRACE_MS);
    await tx.update(apiKeys).set({ expiresAt, rolledToId: created.object.id }).where(eq(apiKeys.id, old.id));
    changes.audit({
      action: "api_key.rolled",
      targetType: "api_key",
      targetId: old.id,
      metadata: { new_key: created.object.id, old_expires_at: expiresAt.toISOString() },
    });
    return created;
  });
  await settleApiKeyChange(await executor(ctx), ctx.merchantId); // every instance drops the merchant's cached keys before this answer
  return rolled;
}
