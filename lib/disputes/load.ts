import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { disputes, type DisputeRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

export async function loadDispute(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<DisputeRow> {
  const query = db
    .select()
    .from(disputes)
    .where(and(eq(disputes.id, id), eq(disputes.merchantId, ctx.merchantId), eq(disputes.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw new KassaError("resource_missing", `No such dispute: '${id}'`, { param: "id" });
  return row;
}
