// The API's `payment` (lib/payments/serialize-payment.ts types its answer by this schema).
import { CANCELLATION_REASONS, CAPTURE_METHODS, PAYMENT_STATUSES } from "@/db/schema/payments";
import { OUTCOME_TYPES, RISK_LEVELS } from "@/db/schema/fraud";
import { UPI_FLOWS, UPI_STATUSES } from "@/db/schema/upi";
import { CryptoDetailsObject, CryptoTransferActionObject, PAYMENT_CURRENCY_PATTERN } from "@/lib/crypto-payments/crypto-object";
import { EscrowObject } from "@/lib/escrow/escrow-object";
import { idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const CardDetailsObject = z
  .strictObject({
    brand: z.string().openapi({ description: "visa, mastercard, amex…", example: "visa" }),
    last4: z.string().openapi({ description: "The card number's last four digits.", example: "4242" }),
    exp_month: z.int(),
    exp_year: z.int(),
    fingerprint: z.string().openapi({ description: "The same for every use of the same card number." }),
    country: z.string().nullable().openapi({ description: "Issuing country, ISO 3166-1 alpha-2." }),
    funding: z.string().openapi({ description: "credit, debit, prepaid or unknown." }),
  })
  .openapi("CardDetails", { description: "A card's display details; never its number or CVC." });

export const UpiDetailsObject = z
  .strictObject({
    flow: z.enum(UPI_FLOWS).openapi({ description: "intent: the customer's UPI app opened on a link; qr: a QR scanned; collect: a request sent to the VPA." }),
    vpa: z.string().nullable().openapi({ description: "The payer's VPA when known." }),
    status: z.enum(UPI_STATUSES).openapi({ description: "The UPI transaction's own state." }),
    rrn: z.string().nullable().openapi({ description: "The bank's 12-digit retrieval reference, on success." }),
    psp_reference: z.string().nullable().openapi({ description: "The PSP's transaction id." }),
    expires_at: unixTime("After this the payment expires unless the PSP says it was paid"),
    payer_name: z.string().nullable(),
    late_refund: z.string().nullable().openapi({ description: "Paid after it had expired: the refund that returned it." }),
  })
  .openapi("UpiDetails", { description: "A UPI payment's details." });

export const PayPalDetailsObject = z
  .strictObject({
    payer_id: z.string().nullable().openapi({ description: "PayPal's id of the payer's account." }),
    payer_email: z.string().nullable(),
    payer_name: z.string().nullable(),
    country: z.string().nullable().openapi({ description: "The payer's country (ISO 3166-1 alpha-2), when PayPal tells it." }),
  })
  .openapi("PayPalDetails", { description: "The PayPal account that approved a wallet payment." });

export const PaymentMethodDetailsObject = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("card"), card: CardDetailsObject }),
    z.strictObject({ type: z.literal("upi"), upi: UpiDetailsObject }),
    z.strictObject({ type: z.literal("paypal"), paypal: PayPalDetailsObject }),
    z.strictObject({ type: z.literal("crypto"), crypto: CryptoDetailsObject }),
  ])
  .openapi("PaymentMethodDetails", { description: "How the payment was paid: a card, UPI, a PayPal account or a transfer on chain." });

export const PaymentOutcomeObject = z
  .strictObject({
    risk_score: z.int().openapi({ description: "0–100; higher is riskier." }),
    risk_level: z.enum(RISK_LEVELS),
    type: z.enum(OUTCOME_TYPES),
    rule: z.string().nullable().openapi({ description: "The rule that decided (its id, or the default rule's name)." }),
    reason: z.string().nullable(),
  })
  .openapi("PaymentOutcome", { description: "What Kassa's fraud check decided for the latest attempt (Stripe's outcome)." });

export const PaymentErrorObject = z
  .strictObject({
    type: z.enum(["card_error", "api_error", "invalid_request_error"]),
    code: z.string(),
    decline_code: z.string().nullable(),
    message: z.string(),
    payment_method: z.string().nullable(),
  })
  .openapi("PaymentError", { description: "Why the latest attempt failed." });

export const NextActionObject = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("redirect_to_url"),
      redirect_to_url: z.strictObject({ url: z.string(), return_url: z.string().nullable() }),
    }),
    z.strictObject({
      type: z.literal("upi_intent"),
      intent_url: z.string().openapi({ description: "The upi://pay link the customer's app opens." }),
      qr_svg: z.string().openapi({ description: "The same link as an SVG QR code." }),
      expires_at: unixTime("When the request expires"),
    }),
    z.strictObject({ type: z.literal("upi_collect_pending"), vpa: z.string(), expires_at: unixTime("When the request expires") }),
    z.strictObject({ type: z.literal("crypto_transfer"), crypto_transfer: CryptoTransferActionObject }),
  ])
  .openapi("NextAction", {
    description: "What the customer must do next: a 3DS redirect, a UPI intent link and QR, approve a collect request, or send a token transfer.",
  });

export const PaymentObject = z
  .strictObject({
    id: idOf("payment"),
    object: z.literal("payment"),
    amount: minorUnits("The amount to collect (0 for a crypto payment: its token amount is payment_method_details.crypto.amount)."),
    amount_capturable: minorUnits("Authorised and not yet captured."),
    amount_received: minorUnits("Captured."),
    amount_refunded: minorUnits("Refunded so far."),
    currency: z.string().regex(PAYMENT_CURRENCY_PATTERN).openapi({
      description: "Three-letter ISO 4217 code, lower case; for a crypto payment the token (usdc, usdt, dai, eth).",
      example: "usd",
    }),
    status: z.enum(PAYMENT_STATUSES),
    capture_method: z.enum(CAPTURE_METHODS),
    capture_at: unixTime("Captured automatically at this time (escrow-style holds)").nullable(),
    authorization_expires_at: unixTime("A manual-capture authorisation lapses at this time").nullable(),
    payment_method: z.string().nullable().openapi({ description: "The payment method (card token, pm_…, upi, or paypal)." }),
    payment_method_details: PaymentMethodDetailsObject.nullable(),
    customer: idOf("customer").nullable(),
    description: z.string().nullable(),
    receipt_email: z.string().nullable(),
    metadata: metadata(),
    livemode: livemode(),
    created: unixTime("Created"),
    canceled_at: unixTime("Canceled").nullable(),
    cancellation_reason: z.enum(CANCELLATION_REASONS).nullable(),
    last_payment_error: PaymentErrorObject.nullable(),
    outcome: PaymentOutcomeObject.nullable(),
    next_action: NextActionObject.nullable(),
    latest_attempt: idOf("paymentAttempt").nullable(),
    connector: z.string().openapi({ description: "The processor that carries it (sandbox, stripe, upi_sandbox…)." }),
    fee: minorUnits("Kassa's fee on the captured amount."),
    escrow: EscrowObject.nullable(),
  })
  .openapi("Payment", { description: "A payment (Stripe's PaymentIntent): one amount collected from a customer, through one or more attempts." });
