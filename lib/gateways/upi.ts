/**
 * The interface a UPI PSP connector implements (the sandbox PSP now; Razorpay, PhonePe or Cashfree
 * later). Kassa's UPI services code against this; the payments path reaches it through the payments
 * connector adapter (upi-sandbox/connector.ts), so recovery, reconciliation and refunds work as for cards.
 */
import type { ConnectorContext, RefundResult } from "./types";

export type UpiFlowName = "intent" | "qr" | "collect";
export type UpiTransactionStatus = "pending" | "success" | "failed" | "expired";

/** A UPI transaction as the PSP reports it. */
export interface UpiTransaction {
  /** The PSP's transaction id. */
  pspReference: string;
  /** Kassa's attempt id: the idempotency key of the initiation. */
  merchantReference: string;
  paymentId: string;
  amount: bigint;
  currency: string;
  flow: UpiFlowName;
  status: UpiTransactionStatus;
  vpa: string | null;
  payerName: string | null;
  /** 12 digits, once paid. */
  rrn: string | null;
  /** The `upi://pay?…` link the customer's app opens (intent and QR). */
  intentUrl: string | null;
  expiresAt: Date;
  created: Date;
}

export interface UpiInitiateInput {
  merchantReference: string;
  paymentId: string;
  amount: bigint;
  currency: string;
  flow: UpiFlowName;
  vpa: string | null;
  expiresAt: Date;
  note: string;
  payeeName: string;
}

export interface UpiConnector {
  name: "upi_sandbox";
  /** The PSP's VPA check: whether it exists, and the holder's name. */
  validateVpa(ctx: ConnectorContext, input: { vpa: string }): Promise<{ valid: boolean; name: string | null }>;
  /** Starts a transaction (same merchant reference → the same transaction). */
  initiate(ctx: ConnectorContext, input: UpiInitiateInput): Promise<UpiTransaction>;
  /** The status check; null: the PSP never received the initiation. */
  status(ctx: ConnectorContext, input: { merchantReference: string }): Promise<UpiTransaction | null>;
  refund(ctx: ConnectorContext, input: { pspReference: string; amount: bigint; idempotencyKey: string }): Promise<RefundResult>;
  retrieveRefund(ctx: ConnectorContext, input: { idempotencyKey: string }): Promise<RefundResult | null>;
  listRefunds(ctx: ConnectorContext, input: { pspReference: string }): Promise<RefundResult[]>;
}
