import { formatMoney } from "@/lib/money";
import type { PaymentObject } from "@/lib/payments/serialize-payment";
import type { RefundObject } from "@/lib/refunds/serialize-refund";

/** `payment_method_details.crypto` of a crypto payment. */
export type CryptoDetailsView = Extract<NonNullable<PaymentObject["payment_method_details"]>, { type: "crypto" }>["crypto"];

/** A payment's crypto details, or null for any other method. */
export function cryptoOf(p: Pick<PaymentObject, "payment_method_details">): CryptoDetailsView | null {
  return p.payment_method_details?.type === "crypto" ? p.payment_method_details.crypto : null;
}

/** A token amount given in base units (a decimal string, as the API carries it): "12500000", "usdc" → "12.5 USDC". */
export function tokenAmount(baseUnits: string | bigint, token: string): string {
  return formatMoney(BigInt(baseUnits), token);
}

/** A refund's amount for people: a crypto refund's `amount` is 0, its real amount is `crypto.amount` in the token's base units. */
export function refundAmount(r: Pick<RefundObject, "amount" | "currency" | "crypto">): string {
  return r.crypto ? tokenAmount(r.crypto.amount, r.crypto.token) : formatMoney(r.amount, r.currency);
}

/** "0x1234…cdef": a hash or address cut for a table cell (the whole of it goes in the cell's title). */
export function shortHex(value: string, keep = 6): string {
  return value.length > 2 + keep * 2 + 1 ? `${value.slice(0, 2 + keep)}…${value.slice(-keep)}` : value;
}

/** "1 confirmation", "12 confirmations"; short of what the payment needs: "3 of 12 confirmations". */
export function confirmationsLabel(confirmations: number, required: number): string {
  if (confirmations < required) return `${confirmations} of ${required} confirmations`;
  return `${confirmations} confirmation${confirmations === 1 ? "" : "s"}`;
}

/**
 * What a crypto payment's refunds send or sent back (pending and succeeded), a surplus and late money returned
 * included: "Received" counts those too, so received less refunded is what the merchant keeps.
 */
export function cryptoRefunded(refunds: Pick<RefundObject, "status" | "crypto">[]): bigint {
  return refunds.filter((r) => r.crypto && (r.status === "pending" || r.status === "succeeded")).reduce((sum, r) => sum + BigInt(r.crypto!.amount), 0n);
}
