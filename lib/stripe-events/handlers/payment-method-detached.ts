// payment_method.detached — a card was detached at Stripe (its dashboard, or a deleted customer): Kassa follows.
import { getDb } from "@/db/client";
import { commit } from "@/lib/service/commit";
import { findPaymentMethod } from "@/lib/customers/load";
import { recordCard } from "@/lib/customers/record-card";
import { stripeCtx, type StripeEventHandler } from "../context";

export const handlePaymentMethodDetached: StripeEventHandler = async (object) => {
  const pm = await findPaymentMethod(await getDb(), object.id);
  if (!pm || pm.connector !== "stripe") return "unknown_object";
  if (!pm.customer) return "no_change";
  const ctx = stripeCtx(pm);
  const card = {
    brand: pm.card.brand,
    last4: pm.card.last4,
    expMonth: pm.card.exp_month,
    expYear: pm.card.exp_year,
    fingerprint: pm.card.fingerprint,
    country: pm.card.country,
    funding: pm.card.funding,
  };
  await commit(ctx, (tx) => recordCard(tx, ctx, { processorId: pm.id, customer: null, card }, pm.connector));
  return "applied";
};
