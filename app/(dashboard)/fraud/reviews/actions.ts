"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { approveReview } from "@/lib/fraud/approve-review";
import { refundReview } from "@/lib/fraud/refund-review";
import { refundReviewAsFraud } from "@/lib/fraud/refund-review-as-fraud";
import type { ReviewObject } from "@/lib/fraud/serialize-review";

const VERBS = { approve: approveReview, refund: refundReview, refund_as_fraud: refundReviewAsFraud } as const;
export type ReviewDecision = keyof typeof VERBS;

/** The queue's Approve / Refund / Refund as fraud on one review (Origin-checked by memberAction). */
export async function decideReviewAction(id: string, decision: ReviewDecision): Promise<ActionResult<ReviewObject>> {
  const verb = Object.hasOwn(VERBS, decision) ? VERBS[decision] : null;
  if (!verb) return { ok: false, error: "Unknown decision.", code: "parameter_invalid", param: "decision" };
  const result = await memberAction(({ ctx }) => verb({ ctx, id: String(id) }), `review queue: ${decision}`);
  if (result.ok) revalidatePath("/fraud/reviews");
  return result;
}
