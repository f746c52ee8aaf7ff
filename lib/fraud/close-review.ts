import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { reviews, type ReviewClosedReason, type ReviewRow } from "@/db/schema";
import type { Changes } from "@/lib/service/commit";
import { serializeReview } from "./serialize-review";

const closingAs = new AsyncLocalStorage<ReviewClosedReason>();

/**
 * Runs `fn` (a capture, cancel or refund made on a review's behalf) so that the review its commit closes is
 * closed with `reason` — `refunded` for a Refund that cancels an uncaptured hold — rather than the path's own.
 */
export function closingReviewAs<T>(reason: ReviewClosedReason, fn: () => Promise<T>): Promise<T> {
  return closingAs.run(reason, fn);
}

/**
 * In the commit that captures, cancels or refunds a payment: its open review (if any) is closed, with an
 * audit row and `review.closed` in the same transaction. Closing twice changes nothing. The reason is the
 * caller's (`approved` for a capture, `canceled` for a cancel…) unless a review verb named its own through
 * closingReviewAs.
 */
export async function closeReviewFor(tx: Transaction, changes: Changes, paymentId: string, reason: ReviewClosedReason): Promise<ReviewRow | null> {
  const closedReason = closingAs.getStore() ?? reason;
  const [row] = await tx
    .update(reviews)
    .set({ open: 0, closedReason, closedAt: new Date() })
    .where(and(eq(reviews.paymentId, paymentId), eq(reviews.open, 1)))
    .returning();
  if (!row) return null;
  changes.audit({ action: "review.closed", targetType: "review", targetId: row.id, metadata: { payment: paymentId, closed_reason: closedReason } });
  changes.event("review.closed", serializeReview(row));
  return row;
}
