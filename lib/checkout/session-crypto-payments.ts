import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payments, type CheckoutSessionRow, type PaymentRow } from "@/db/schema";
import { isCheckoutCryptoToken, usdCentsToTokenUnits } from "./crypto-amount";

/** The metadata key naming the checkout session a payment was made for (the card path's payments carry it too). */
export const CHECKOUT_SESSION_KEY = "checkout_session";

type SessionLink = Pick<CheckoutSessionRow, "id" | "merchantId" | "livemode" | "amount" | "createdAt">;

/**
 * A crypto payment's metadata: the session's own (as many keys as fit beside the link; the API takes 50)
 * and the link, which the session's lookups depend on.
 */
export function cryptoPaymentMetadata(session: Pick<CheckoutSessionRow, "id" | "metadata">): Record<string, string> {
  const own = Object.entries(session.metadata).filter(([key]) => key !== CHECKOUT_SESSION_KEY);
  return { ...Object.fromEntries(own.slice(0, 49)), [CHECKOUT_SESSION_KEY]: session.id };
}

/**
 * A crypto payment this session made: the session's merchant and mode, linked by metadata, a token the tab
 * offers, and exactly the session's amount in it. The amount check keeps a payment the merchant made
 * through the API with the same metadata from paying (or completing) a session for another sum.
 */
export function isSessionCryptoPayment(p: PaymentRow, session: SessionLink): boolean {
  if (p.paymentMethod !== "crypto" || !p.crypto || p.merchantId !== session.merchantId || p.livemode !== session.livemode) return false;
  if (p.metadata[CHECKOUT_SESSION_KEY] !== session.id || !isCheckoutCryptoToken(p.crypto.token)) return false;
  return p.crypto.amount === usdCentsToTokenUnits(session.amount, p.crypto.token).toString();
}

/**
 * The crypto payments the session made, newest first (one per token and payment window). Read through the
 * merchant's (created_at) index from the session's creation on: a day's payments at most, not the merchant's history.
 */
export async function sessionCryptoPayments(db: Executor, session: SessionLink): Promise<PaymentRow[]> {
  const rows = await db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.merchantId, session.merchantId),
        eq(payments.livemode, session.livemode),
        gte(payments.createdAt, session.createdAt),
        eq(payments.paymentMethod, "crypto"),
        sql`${payments.metadata}->>${CHECKOUT_SESSION_KEY} = ${session.id}`,
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id));
  return rows.filter((p) => isSessionCryptoPayment(p, session));
}

/** The first of them the chain has paid, if any. */
export const paidCryptoPayment = (rows: PaymentRow[]) => rows.find((p) => p.status === "succeeded") ?? null;
