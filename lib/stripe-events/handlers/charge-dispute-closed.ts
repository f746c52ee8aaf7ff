// charge.dispute.closed — the network decided: won returns the amount to the merchant; lost keeps it withdrawn.
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { disputes } from "@/db/schema";
import { closeDispute } from "@/lib/disputes/close-dispute";
import { stripeCtx, type StripeEventHandler } from "../context";
import type Stripe from "stripe";
import { openFromStripe } from "./charge-dispute-created";

export const handleDisputeClosed: StripeEventHandler = async (object) => {
  const outcome = object.status;
  if (outcome !== "won" && outcome !== "lost" && outcome !== "warning_closed") return "ignored";
  const db = await getDb();
  let [dispute] = await db.select().from(disputes).where(eq(disputes.processorId, object.id));
  let opened = false;
  if (!dispute) {
    // Closed overtook created: open it first (as open), so the ledger has the debit a win gives back.
    if ((await openFromStripe(object as unknown as Stripe.Dispute, { asOpen: true })) !== "applied") return "unknown_object";
    [dispute] = await db.select().from(disputes).where(eq(disputes.processorId, object.id));
    opened = true;
  }
  const before = dispute!.status;
  const after = await closeDispute({ ctx: stripeCtx(dispute!), id: dispute!.id, outcome });
  return opened || after.status !== before ? "applied" : "no_change";
};
