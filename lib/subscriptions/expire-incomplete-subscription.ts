import { eq } from "drizzle-orm";
import { invoices } from "@/db/schema";
import { linesOf } from "@/lib/invoices/load";
import { serializeInvoice } from "@/lib/invoices/serialize";
import { commit } from "@/lib/service/commit";
import { type ServiceContext } from "@/lib/service/context";
import { loadSubscription } from "./load";
import { setSubscription } from "./set-subscription";

/**
 * 23 hours after an incomplete subscription was made (system verb): if its first invoice is still unpaid the
 * subscription is `incomplete_expired` and the invoice void (Stripe's rule). Paid meanwhile: nothing.
 */
export async function expireIncompleteSubscription({ ctx, subscriptionId }: { ctx: ServiceContext; subscriptionId: string }): Promise<{ expired: boolean }> {
  return commit(ctx, async (tx, changes) => {
    const sub = await loadSubscription(tx, ctx, subscriptionId, { lock: true });
    if (sub.status !== "incomplete") return { expired: false };
    const now = new Date();
    if (sub.latestInvoice) {
      const [voided] = await tx
        .update(invoices)
        .set({ status: "void", voidedAt: now, nextPaymentAttempt: null })
        .where(eq(invoices.id, sub.latestInvoice))
        .returning();
      if (voided && voided.status === "void") changes.event("invoice.voided", serializeInvoice(voided, await linesOf(tx, voided.id)));
    }
    await setSubscription(tx, changes, sub, { status: "incomplete_expired", endedAt: now });
    changes.audit({ action: "subscription.incomplete_expired", targetType: "subscription", targetId: sub.id });
    return { expired: true };
  });
}
