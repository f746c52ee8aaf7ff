import { randomInt } from "node:crypto";

export interface Money {
  currency_code: string;
  value: string;
}

export interface ProcessorResponse {
  avs_code: string;
  cvv_code: string;
  response_code: string;
}

export interface CardSource {
  kind: "card";
  name: string | null;
  last_digits: string;
  brand: string;
  type: string;
  expiry: string;
  /** Kept for behaviour only; never rendered. */
  number: string;
  /** SCA_ALWAYS / 3D_SECURE asked: the payer must authenticate before the payment. */
  sca: boolean;
  /** After the 3DS page: Y (authenticated) or N (failed). */
  authentication: "Y" | "N" | null;
  return_url: string | null;
  cancel_url: string | null;
}

export interface WalletSource {
  kind: "paypal";
  /** After the approval page: the payer's account; its funding fails on capture when `declined`. */
  payer: { email_address: string; account_id: string; name: { given_name: string; surname: string } } | null;
  funding: "ok" | "declined";
  return_url: string | null;
  cancel_url: string | null;
}

export type OrderStatus = "CREATED" | "SAVED" | "APPROVED" | "VOIDED" | "COMPLETED" | "PAYER_ACTION_REQUIRED";

export interface Order {
  id: string;
  intent: "CAPTURE" | "AUTHORIZE";
  status: OrderStatus;
  amount: Money;
  reference_id: string;
  description: string | null;
  custom_id: string | null;
  invoice_id: string | null;
  soft_descriptor: string | null;
  source: CardSource | WalletSource | null;
  authorizations: string[];
  captures: string[];
  create_time: string;
  update_time: string;
}

export interface Authorization {
  id: string;
  order_id: string;
  status: "CREATED" | "CAPTURED" | "DENIED" | "PARTIALLY_CAPTURED" | "VOIDED" | "PENDING";
  amount: Money;
  invoice_id: string | null;
  custom_id: string | null;
  processor_response: ProcessorResponse | null;
  captures: string[];
  expiration_time: string;
  create_time: string;
  update_time: string;
}

export interface Capture {
  id: string;
  order_id: string;
  authorization_id: string | null;
  status: "COMPLETED" | "DECLINED" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "FAILED";
  amount: Money;
  final_capture: boolean;
  invoice_id: string | null;
  custom_id: string | null;
  processor_response: ProcessorResponse | null;
  refunds: string[];
  create_time: string;
  update_time: string;
}

export interface Refund {
  id: string;
  capture_id: string;
  order_id: string;
  status: "CANCELLED" | "FAILED" | "PENDING" | "COMPLETED";
  amount: Money;
  invoice_id: string | null;
  custom_id: string | null;
  note_to_payer: string | null;
  create_time: string;
  update_time: string;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** PayPal's ids: 17 upper-case letters and digits (e.g. 5O190127TN364715T). */
export function paypalId(): string {
  let id = "";
  for (let i = 0; i < 17; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

export const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** Currencies PayPal takes without decimals (its currency-codes reference). */
export const NO_DECIMALS = new Set(["HUF", "JPY", "TWD"]);

/** Money as an integer count of hundredths (or units for the no-decimal currencies), for arithmetic. */
export const units = (m: Money) => Math.round(Number(m.value) * (NO_DECIMALS.has(m.currency_code) ? 1 : 100));
export const money = (currency: string, n: number): Money => ({
  currency_code: currency,
  value: NO_DECIMALS.has(currency) ? String(n) : (n / 100).toFixed(2),
});

/** One PayPal business account's objects, in memory. */
export class PayPalState {
  orders = new Map<string, Order>();
  authorizations = new Map<string, Authorization>();
  captures = new Map<string, Capture>();
  refunds = new Map<string, Refund>();
  /** Issued access tokens (revoked ones are removed). */
  tokens = new Set<string>();

  /** Payments (authorizations and captures that were not declined) already made with an invoice id. */
  invoiceUsed(invoiceId: string): boolean {
    for (const a of this.authorizations.values()) if (a.invoice_id === invoiceId && a.status !== "DENIED") return true;
    for (const c of this.captures.values()) if (c.invoice_id === invoiceId && c.status !== "DECLINED" && c.status !== "FAILED") return true;
    return false;
  }
}
