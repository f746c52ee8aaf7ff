import { fraudListItems } from "@/db/schema";
import { loadPayment } from "@/lib/payments/load-payment";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { newId } from "@/lib/ids";
import { insertList } from "./create-value-list";
import { defaultList } from "./default-lists";
import { normalizeListValue } from "./list-values";
import { loadReview, reviewClosed } from "./load-review";
import { findList } from "./radar-load";
import type { ReviewObject } from "./serialize-review";
import { settleReview } from "./settle-review";

/**
 * POST /api/v1/reviews/:id/refund_as_fraud (Kassa's) — the payment's card fingerprint and receipt email go on the
 * merchant's `block_card_fingerprint` and `block_email` lists (made if missing; a value already there is fine),
 * then the money goes back as in refundReview with reason `fraudulent`; the review closes as `refunded_as_fraud`.
 * The lists first: a refund that fails leaves the card blocked and the review open for another try.
 */
export async function refundReviewAsFraud({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ReviewObject> {
  requirePermission(ctx, "radar:write");
  await commit(ctx, async (tx, changes) => {
    const review = await loadReview(tx, ctx, id, { lock: true });
    if (review.open !== 1) throw reviewClosed(review);
    const payment = await loadPayment(tx, ctx, review.paymentId);
    const values: [string, string | null | undefined][] = [
      ["block_card_fingerprint", payment.card?.fingerprint],
      ["block_email", payment.receiptEmail],
    ];
    for (const [alias, raw] of values) {
      if (!raw) continue;
      const fixed = defaultList(alias)!;
      const list =
        (await findList(tx, ctx, alias, { byAlias: true, lock: true })) ??
        (await insertList(tx, ctx, changes, fixed)) ??
        (await findList(tx, ctx, alias, { byAlias: true, lock: true }));
      let value: string;
      try {
        value = normalizeListValue(list!.itemType, raw);
      } catch (error) {
        if (error instanceof KassaError) continue; // not a value the list can hold (an odd stored email): nothing to block by
        throw error;
      }
      const itemId = newId("fraudListItem");
      const [added] = await tx
        .insert(fraudListItems)
        .values({ id: itemId, merchantId: ctx.merchantId, livemode: ctx.livemode, listId: list!.id, value })
        .onConflictDoNothing()
        .returning({ id: fraudListItems.id });
      if (!added) continue; // already on the list: fine
      changes.audit({
        action: "radar_value_list_item.created",
        targetType: "radar_value_list",
        targetId: list!.id,
        metadata: { item: itemId, value, review: review.id },
      });
    }
  });
  return settleReview(ctx, id, "refund", "refunded_as_fraud");
}
