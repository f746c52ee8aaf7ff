import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { customers, paymentMethods, type PaymentMethodRow } from "@/db/schema";
import { commit, type Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import type { SavedPaymentMethod } from "@/lib/gateways/types";
import { serializePaymentMethod } from "./serialize";

/**
 * Records what the processor says about a saved card — attached to a customer or detached — with its
 * audit row and event declared on the caller's commit. Recording the same state twice changes nothing
 * (a retried request and the processor's webhook may both report it).
 */
export async function recordCardIn(
  tx: Transaction,
  changes: Changes,
  ctx: ServiceContext,
  saved: SavedPaymentMethod,
  connector: string,
): Promise<PaymentMethodRow> {
  const [existing] = await tx.select().from(paymentMethods).where(eq(paymentMethods.id, saved.processorId)).for("update");
  if (existing && existing.customer === saved.customer) return existing;
  const card = {
    brand: saved.card.brand,
    last4: saved.card.last4,
    exp_month: saved.card.expMonth,
    exp_year: saved.card.expYear,
    fingerprint: saved.card.fingerprint,
    country: saved.card.country,
    funding: saved.card.funding,
  };
  const [row] = existing
    ? await tx.update(paymentMethods).set({ customer: saved.customer }).where(eq(paymentMethods.id, existing.id)).returning()
    : await tx
        .insert(paymentMethods)
        .values({ id: saved.processorId, merchantId: ctx.merchantId, livemode: ctx.livemode, customer: saved.customer, type: "card", card, connector })
        .returning();
  const attached = saved.customer !== null;
  if (!attached && existing?.customer) {
    // A detached card can no longer be its customer's default.
    const [owner] = await tx.select().from(customers).where(eq(customers.id, existing.customer));
    if (owner?.defaultPaymentMethod === existing.id) await tx.update(customers).set({ defaultPaymentMethod: null }).where(eq(customers.id, owner.id));
  }
  const type = attached ? "payment_method.attached" : "payment_method.detached";
  changes.audit({ action: type, targetType: "payment_method", targetId: row!.id, metadata: { customer: saved.customer ?? existing?.customer ?? null } });
  changes.event(type, serializePaymentMethod(row!), existing ? { customer: existing.customer } : undefined);
  return row!;
}

/** recordCardIn as its own commit, joined to the caller's transaction `tx` (for a processor's webhook). */
export async function recordCard(tx: Transaction, ctx: ServiceContext, saved: SavedPaymentMethod, connector: string): Promise<PaymentMethodRow> {
  return commit({ ...ctx, db: tx }, (inner, changes) => recordCardIn(inner, changes, ctx, saved, connector));
}
