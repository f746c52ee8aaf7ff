import { getDb } from "@/db/client";
import { noSuchPayment } from "@/lib/payments/load-payment";
import { completeCheckoutSession } from "./complete-checkout-session";
import { checkoutContext, findCheckoutSession, noSuchCheckoutSession } from "./load-checkout-session";
import { paidCryptoPayment, sessionCryptoPayments } from "./session-crypto-payments";

/** What the crypto tab's status refresh learns about the payment it shows. */
export interface CheckoutCryptoStatus {
  /** pending: still waiting for (the rest of) the transfer; success: paid (the session is complete); expired / canceled: choose again. */
  state: "pending" | "success" | "expired" | "canceled";
  /** Base units still to send, while pending (less than asked after a part payment). */
  remaining: string | null;
  /** A transfer is on chain, waiting for its confirmations. */
  confirming: boolean;
  /** Unix seconds, while pending. */
  expires_at: number | null;
  message: string | null;
}

/**
 * The crypto tab's status refresh (every 2 s). It reads Kassa's records only — the deposit watcher
 * (inngest/functions/crypto-deposit-watch.ts) reads the chain — so an open page costs no RPC calls. Any of
 * the session's crypto payments the chain has paid (the one shown, or another token chosen earlier)
 * completes the session, also one that expired meanwhile: the customer has paid.
 */
export async function checkCheckoutCrypto({ sessionId, paymentId }: { sessionId: string; paymentId: unknown }): Promise<CheckoutCryptoStatus> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw noSuchCheckoutSession(sessionId);
  const { session } = found;
  const made = await sessionCryptoPayments(await getDb(), session);
  const shown = made.find((p) => p.id === paymentId);
  if (!shown) throw noSuchPayment(typeof paymentId === "string" ? paymentId.slice(0, 40) : "", "payment");
  const success: CheckoutCryptoStatus = { state: "success", remaining: null, confirming: false, expires_at: null, message: null };
  if (session.status === "complete") return success;
  const paid = paidCryptoPayment(made);
  if (paid) {
    await completeCheckoutSession({ ctx: checkoutContext(session), id: session.id, paymentId: paid.id });
    return success;
  }
  const crypto = shown.crypto!;
  if (shown.status === "requires_action") {
    return {
      state: "pending",
      remaining: crypto.amount_remaining,
      confirming: crypto.status === "confirming" || BigInt(crypto.amount_pending) > 0n,
      expires_at: crypto.expires_at,
      message: null,
    };
  }
  if (shown.cancellationReason === "expired" || crypto.status === "expired") {
    return { state: "expired", remaining: null, confirming: false, expires_at: null, message: CRYPTO_EXPIRED_MESSAGE };
  }
  return { state: "canceled", remaining: null, confirming: false, expires_at: null, message: CRYPTO_CANCELED_MESSAGE };
}

export const CRYPTO_EXPIRED_MESSAGE = "The time to send this transfer ran out. Choose a token again for a new address.";
export const CRYPTO_CANCELED_MESSAGE = "This crypto payment was canceled. Choose a token again for a new address.";
