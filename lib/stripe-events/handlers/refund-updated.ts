// refund.updated — a refund's status changed (pending → succeeded/failed): settle Kassa's refund by re-reading it.
import type { StripeEventHandler } from "../context";
import { reconcileRefunds } from "../reconcile-refunds";

export const handleRefundUpdated: StripeEventHandler = async (refund) => {
  const pi = refund.payment_intent;
  if (typeof pi !== "string") return "unknown_object";
  const metadata = refund.metadata as Record<string, string> | undefined;
  return reconcileRefunds({ id: pi, metadata: metadata?.kassa_payment_id ? { kassa_payment_id: metadata.kassa_payment_id } : null });
};
