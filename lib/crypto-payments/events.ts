import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import type { Changes } from "@/lib/service/commit";

/** A crypto payment waits for its transfer: its watch run starts (inngest/functions/crypto-deposit-watch.ts). */
export const CRYPTO_PAYMENT_STARTED = INTERNAL_EVENTS.cryptoPaymentStarted;

export interface CryptoPaymentStarted extends Record<string, string> {
  merchant: string;
  livemode: "true" | "false";
  payment: string;
  startedAt: string;
  expiresAt: string;
}

export function declareCryptoPaymentStarted(changes: Changes, data: CryptoPaymentStarted): string {
  return declareInternalEvent(changes, CRYPTO_PAYMENT_STARTED, data);
}
