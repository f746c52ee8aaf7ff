import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payouts, type PayoutRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** A payout of ctx's merchant and mode (optionally locked), or 404 resource_missing. */
export async function loadPayout(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PayoutRow> {
  const q = db
    .select()
    .from(payouts)
    .where(and(eq(payouts.id, id), eq(payouts.merchantId, ctx.merchantId), eq(payouts.livemode, ctx.livemode)));
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such payout: '${id}'`, { param: "id" });
  return row;
}
