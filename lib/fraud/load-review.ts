import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { reviews, type ReviewRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

type Tenant = Pick<ServiceContext, "merchantId" | "livemode">;

export const noSuchReview = (id: string) => new KassaError("resource_missing", `No such review: '${id}'`, { param: "id" });

/** The merchant's review in this mode by its id (`prv_…`) or its payment's id (`pay_…`); another tenant's is "not found". */
export async function loadReview(db: Executor, ctx: Tenant, id: string, opts: { lock?: boolean } = {}): Promise<ReviewRow> {
  const key = isId("review", id) ? eq(reviews.id, id) : isId("payment", id) ? eq(reviews.paymentId, id) : null;
  if (!key) throw noSuchReview(id);
  const query = db
    .select()
    .from(reviews)
    .where(and(key, eq(reviews.merchantId, ctx.merchantId), eq(reviews.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchReview(id);
  return row;
}

/** Acting on a closed review (Kassa has no review-specific code: the payment's state code, as acting on the payment would answer). */
export function reviewClosed(r: ReviewRow): KassaError {
  return new KassaError("payment_intent_unexpected_state", `Review ${r.id} is already closed (${r.closedReason}).`);
}
