import { eq } from "drizzle-orm";
import { paymentLinks } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { UpdatePaymentLinkInput } from "./inputs";
import { loadPaymentLink } from "./load-payment-link";
import { serializePaymentLink, type PaymentLinkObject } from "./serialize-payment-link";

/** POST /api/v1/payment_links/:id — deactivate (or reactivate) a link; a deactivated link starts no checkout. */
export async function updatePaymentLink({
  ctx,
  id,
  input,
  baseUrl,
}: {
  ctx: ServiceContext;
  id: string;
  input: unknown;
  baseUrl?: string;
}): Promise<PaymentLinkObject> {
  requirePermission(ctx, "payment_links:write");
  const data = parseWith(UpdatePaymentLinkInput, input);
  return commit(ctx, async (tx, changes) => {
    const link = await loadPaymentLink(tx, ctx, id, { lock: true });
    if (link.active === data.active) return serializePaymentLink(link, baseUrl);
    const next = { ...link, active: data.active, updatedAt: new Date() };
    const object = serializePaymentLink(next, baseUrl);
    changes.write(tx.update(paymentLinks).set({ active: data.active, updatedAt: next.updatedAt }).where(eq(paymentLinks.id, id)));
    changes.audit({ action: data.active ? "payment_link.activated" : "payment_link.deactivated", targetType: "payment_link", targetId: id });
    changes.event("payment_link.updated", object, { active: link.active });
    return object;
  });
}
