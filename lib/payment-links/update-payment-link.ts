import { eq } from "drizzle-orm";
import { executeAsOne } from "@/db/batch";
import { auditLog, events, paymentLinks } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { auditRow } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/service/roles";
import { withTransaction, type ServiceContext } from "@/lib/service/context";
import { eventRow, outboxWritten } from "@/lib/events/emit-event";
import { UpdatePaymentLinkInput } from "./inputs";
import { loadPaymentLink } from "./load-payment-link";
import { serializePaymentLink, type PaymentLinkObject } from "./serialize-payment-link";

/** POST /api/v1/payment_links/:id — deactivate (or reactivate) a link; a deactivated link starts no checkout. */
export async function updatePaymentLink({ ctx, id, input, baseUrl }: { ctx: ServiceContext; id: string; input: unknown; baseUrl?: string }): Promise<PaymentLinkObject> {
  requirePermission(ctx, "payment_links:write");
  const data = parseWith(UpdatePaymentLinkInput, input);
  return withTransaction(ctx, async (tx) => {
    const link = await loadPaymentLink(tx, ctx, id, { lock: true });
    if (link.active === data.active) return serializePaymentLink(link, baseUrl);
    const next = { ...link, active: data.active, updatedAt: new Date() };
    const object = serializePaymentLink(next, baseUrl);
    await executeAsOne(tx, [
      tx.update(paymentLinks).set({ active: data.active, updatedAt: next.updatedAt }).where(eq(paymentLinks.id, id)),
      tx.insert(auditLog).values(auditRow(ctx, { action: data.active ? "payment_link.activated" : "payment_link.deactivated", targetType: "payment_link", targetId: id })),
      tx.insert(events).values(eventRow(ctx, "payment_link.updated", object, { active: link.active })),
    ]);
    outboxWritten(tx);
    return object;
  });
}
