import { eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { settleApiKeyChange } from "@/lib/api-keys/key-cache";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { findApiKey, findApiKeyForUpdate } from "./find-api-key";
import { serializeApiKey } from "./serialize-api-key";

/** Revokes a key at once; calls with it get 401 from then on. */
export async function revokeApiKey({ ctx, id, now = new Date() }: { ctx: ServiceContext; id: string; now?: Date }) {
  requirePermission(ctx, "api_keys:write");
  // The audit row is filed under the key's own mode (a key may be revoked from either mode's page).
  const { livemode } = await findApiKey(await executor(ctx), ctx, id);
  const revoked = await commit({ ...ctx, livemode }, async (tx, changes) => {
    const key = await findApiKeyForUpdate(tx, ctx, id);
    if (key.revokedAt) throw new KassaError("api_key_revoked", "This key is already revoked.", { param: "id" });
    const [row] = await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id)).returning();
    changes.audit({
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: key.id,
      metadata: { redacted: key.displayPrefix, livemode: key.livemode },
    });
    return serializeApiKey(row!, now);
  });
  await settleApiKeyChange(await executor(ctx), ctx.merchantId); // every instance drops the merchant's cached keys before this answer
  return revoked;
}
