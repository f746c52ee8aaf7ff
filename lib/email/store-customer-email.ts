import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emails, merchants } from "@/db/schema";
import { newId } from "@/lib/ids";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";

/** The customer emails a merchant sends (emails.kind), one row at most per kind and object. */
export type CustomerEmailKind = "receipt" | "invoice" | "payment_failed" | "trial_ending";

export interface CustomerEmail {
  kind: CustomerEmailKind;
  /** What it is about: a payment, an invoice, a failed try, a subscription's trial. */
  objectId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Puts a customer email in the outbox at most once per kind and object (the emails table's unique index):
 * a retried workflow step or a second call finds the first one and returns its id. Live mode queues it for
 * the workflow's next step to send (sendCustomerEmail); test mode keeps it with status `test`, never sent.
 */
export async function storeCustomerEmail(ctx: ServiceContext, email: CustomerEmail): Promise<string> {
  return commit(ctx, async (tx) => {
    const [row] = await tx
      .insert(emails)
      .values({
        id: newId("email"),
        to: email.to.toLowerCase(),
        subject: email.subject,
        text: email.text,
        html: email.html,
        kind: email.kind,
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        objectId: email.objectId,
        status: ctx.livemode ? "queued" : "test",
      })
      .onConflictDoNothing()
      .returning({ id: emails.id });
    if (row) return row.id;
    const [existing] = await tx
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.merchantId, ctx.merchantId), eq(emails.kind, email.kind), eq(emails.objectId, email.objectId)));
    return existing!.id;
  });
}

/** The name customers know the merchant by, for the emails' subjects and greetings. */
export async function businessNameOf(db: Executor, ctx: Pick<ServiceContext, "merchantId">): Promise<string> {
  const [merchant] = await db.select({ businessName: merchants.businessName }).from(merchants).where(eq(merchants.id, ctx.merchantId));
  return merchant?.businessName ?? "the business";
}

/** A day as the customer reads it ("2 December 2026"), in UTC as every date Kassa mails. */
export const emailDate = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  jcb: "JCB",
  unionpay: "UnionPay",
};

/** "Visa •••• 4242", or null for a method without a card's last four digits. */
export function cardLabel(card: { brand?: string | null; last4?: string | null } | null | undefined): string | null {
  return card?.last4 ? `${BRANDS[card.brand ?? ""] ?? "Card"} •••• ${card.last4}` : null;
}
