import { eq } from "drizzle-orm";
import { fulfillmentHooks } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { loadFulfillmentHook } from "./load-fulfillment-hook";

/** DELETE /api/v1/fulfillment_hooks/:id — orders created later run without merchant calls; running sagas keep theirs. */
export async function deleteFulfillmentHook({ ctx, id }: { ctx: ServiceContext; id: string }) {
  requirePermission(ctx, "webhooks:write");
  return commit(
    ctx,
    async (tx, changes) => {
      await loadFulfillmentHook(tx, ctx, id, { lock: true });
      await tx.update(fulfillmentHooks).set({ deletedAt: new Date() }).where(eq(fulfillmentHooks.id, id));
      changes.audit({ action: "fulfillment_hook.deleted", targetType: "fulfillment_hook", targetId: id });
      return { id, object: "fulfillment_hook" as const, deleted: true as const };
    },
    { respond: (deleted) => deleted },
  );
}
