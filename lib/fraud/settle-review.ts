import type { ReviewClosedReason } from "@/db/schema";
import { loadPayment } from "@/lib/payments/load-payment";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { closeReviewFor, closingReviewAs } from "./close-review";
import { loadReview, reviewClosed } from "./load-review";
import { serializeReview, type ReviewObject } from "./serialize-review";

/**
 * The review verbs' common path: the open review's payment is captured (approve), or its money given back —
 * an authorisation not captured is canceled (nothing was taken), a captured one refunded in full — and the review
 * closes in that same commit (closeReviewFor, called by capture/cancel) or, after a refund, in its own.
 * The payment verbs run without the request's Idempotency-Key (their processor keys are per payment, so a retry
 * is safe): the request's stored answer is the review object, not the payment.
 */
export async function settleReview(ctx: ServiceContext, id: string, action: "approve" | "refund", closedReason: ReviewClosedReason): Promise<ReviewObject> {
  const inner: ServiceContext = { ...ctx, idempotency: undefined, idempotencyKey: undefined };
  const db = await executor(ctx);
  const review = await loadReview(db, ctx, id);
  if (review.open !== 1) throw reviewClosed(review);
  const { status } = await loadPayment(db, ctx, review.paymentId);
  const fraud = closedReason === "refunded_as_fraud";
  if (status === "requires_capture") {
    await closingReviewAs(closedReason, () =>
      action === "approve"
        ? capturePayment({ ctx: inner, id: review.paymentId, input: {} })
        : cancelPayment({ ctx: inner, id: review.paymentId, input: {}, reason: fraud ? "fraudulent" : undefined }),
    );
  } else if (status === "succeeded") {
    // Captured by a path that left the review open: approving only closes it; a refund gives the money back.
    if (action === "refund") await createRefund({ ctx: inner, input: { payment: review.paymentId, ...(fraud ? { reason: "fraudulent" } : {}) } });
  } else {
    throw new KassaError(
      "payment_intent_unexpected_state",
      `This review's payment is ${status}; only an authorised or captured payment can be approved or refunded.`,
    );
  }
  return commit(
    ctx,
    async (tx, changes) => {
      const closed = await closeReviewFor(tx, changes, review.paymentId, closedReason);
      return serializeReview(closed ?? (await loadReview(tx, ctx, review.id)));
    },
    { respond: (object) => object },
  );
}
