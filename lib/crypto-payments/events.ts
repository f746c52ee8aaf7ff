import type { Changes } from "@/lib/service/commit";

/**
 * A crypto payment waits for its transfer: its watch run starts (inngest/functions/crypto-deposit-watch.ts).
 * Internal by the `/` in its name (lib/events/internal-events.ts): never an API event or a merchant webhook.
 * It belongs in INTERNAL_EVENTS; that file is being changed elsewhere right now, so it is declared here.
 */
export const CRYPTO_PAYMENT_STARTED = "crypto/payment.started" as const;

export interface CryptoPaymentStarted extends Record<string, string> {
  merchant: string;
  livemode: "true" | "false";
  payment: string;
  startedAt: string;
  expiresAt: string;
}

export function declareCryptoPaymentStarted(changes: Changes, data: CryptoPaymentStarted): string {
  return changes.event(CRYPTO_PAYMENT_STARTED, data);
}
