import { and, eq } from "drizzle-orm";
import { setupIntents } from "@/db/schema";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { serializeSetupIntent, type SetupIntentObject } from "./serialize";

/** GET /api/v1/setup_intents/:id */
export async function getSetupIntent({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<SetupIntentObject> {
  requirePermission(ctx, "customers:read");
  const db = await executor(ctx);
  const [row] = await db
    .select()
    .from(setupIntents)
    .where(and(eq(setupIntents.id, id), eq(setupIntents.merchantId, ctx.merchantId), eq(setupIntents.livemode, ctx.livemode)));
  if (!row) throw new KassaError("resource_missing", `No such setup_intent: '${id}'`, { param: "id" });
  return serializeSetupIntent(row);
}
