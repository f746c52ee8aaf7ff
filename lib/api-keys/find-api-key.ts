import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** A key of ctx's merchant (either mode), locked for update when asked; any other merchant's key is simply missing. */
export async function findApiKey(db: Executor, ctx: ServiceContext, id: string, { lock = false } = {}) {
  const q = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.merchantId, ctx.merchantId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such API key: '${id}'`, { param: "id" });
  return row;
}

/** Locks a key of ctx's merchant for update; any other merchant's key is simply missing. */
export async function findApiKeyForUpdate(tx: Executor, ctx: ServiceContext, id: string) {
  return findApiKey(tx, ctx, id, { lock: true });
}
