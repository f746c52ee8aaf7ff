import { eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { getBillingSettings } from "@/lib/billing/settings";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { loadSubscription } from "./load";
import { setSubscription } from "./set-subscription";

/**
 * The last retry of a renewal invoice failed (system verb): the subscription becomes `unpaid` (its invoices
 * stay open and payable) or `canceled`, per the merchant's setting. Paid meanwhile: nothing.
 */
export async function endDunning({
  ctx,
  subscriptionId,
  invoiceId,
}: {
  ctx: ServiceContext;
  subscriptionId: string;
  invoiceId: string;
}): Promise<{ status: string }> {
  const settings = await getBillingSettings(await executor(ctx), ctx.merchantId);
  return commit(ctx, async (tx, changes) => {
    const sub = await loadSubscription(tx, ctx, subscriptionId, { lock: true });
    const [invoice] = await tx.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoiceId));
    if (sub.status !== "past_due" || invoice?.status !== "open") return { status: sub.status };
    const now = new Date();
    const after =
      settings.terminalAction === "canceled"
        ? await setSubscription(tx, changes, sub, { status: "canceled", canceledAt: now, endedAt: now, cancellationReason: "payment_failed" })
        : await setSubscription(tx, changes, sub, { status: "unpaid" });
    changes.audit({ action: `subscription.${after.status}`, targetType: "subscription", targetId: sub.id, metadata: { invoice: invoiceId } });
    return { status: after.status };
  });
}
