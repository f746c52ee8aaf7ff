import type { ReviewRow } from "@/db/schema";
import type { z } from "zod";
import type { ReviewObject as ReviewSchema } from "./radar-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The API's `review` object (Stripe's shape): a payment held for the merchant's decision. */
export function serializeReview(r: ReviewRow) {
  return {
    id: r.id,
    object: "review" as const,
    payment: r.paymentId,
    open: r.open === 1,
    reason: r.reason,
    risk_score: r.riskScore,
    closed_reason: r.closedReason,
    created: seconds(r.createdAt)!,
    closed_at: seconds(r.closedAt),
    livemode: r.livemode,
  } satisfies z.input<typeof ReviewSchema>;
}
export type ReviewObject = ReturnType<typeof serializeReview>;
