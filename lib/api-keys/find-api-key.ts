import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** Locks a key of ctx's merchant for update; any other merchant's key is simply missing. */
export async function findApiKeyForUpdate(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.merchantId, ctx.merchantId)))
    .for("update");
  if (!row) throw new KassaError("resource_missing", `No such API key: '${id}'`, { param: "id" });
  return row;
}
