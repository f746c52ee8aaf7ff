import { httpUrl } from "@/lib/service/schemas";
import { z } from "zod";
import { CANCELLATION_REASONS, CAPTURE_METHODS, PAYMENT_STATUSES, UPI_FLOWS } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";
import { KassaError } from "@/lib/service/errors";
import { isCurrency, MAX_AMOUNT, minimumChargeAmount, toDecimalString } from "@/lib/money";
import { EscrowInput } from "@/lib/escrow/inputs";

// Stripe's metadata rules: up to 50 keys, keys ≤ 40 characters, values ≤ 500 characters, strings only.
export const metadataSchema = z
  .record(z.string().min(1).max(40), z.string().max(500))
  .refine((m) => Object.keys(m).length <= 50, "can have at most 50 keys")
  // The refinement and the key limits in the OpenAPI document (lib/openapi), which cannot read a refine.
  .meta({ maxProperties: 50, propertyNames: { minLength: 1, maxLength: 40 }, description: "Up to 50 keys of ≤ 40 characters, string values of ≤ 500." });

/** A minor-unit amount: an integer (a decimal such as 10.5 is a wrong-exponent mistake → 400). */
export const amountSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

const currencySchema = z
  .string()
  .min(3)
  .max(3)
  .transform((s) => s.toLowerCase());
const paymentMethodSchema = z.string().min(1).max(255);
const unixSeconds = z.int().min(0).max(253402300799);

/** `payment_method_options`: UPI's flow, and the customer's VPA for collect (sandbox: a test VPA for any flow). */
const paymentMethodOptions = z.strictObject({
  upi: z.strictObject({ flow: z.enum(UPI_FLOWS).optional(), vpa: z.string().min(1).max(255).optional() }).optional(),
});
export const PAYMENT_METHOD_TYPES = ["card", "upi", "paypal"] as const;

export const CreatePaymentInput = z.strictObject({
  payment_method_types: z.array(z.enum(PAYMENT_METHOD_TYPES)).min(1).max(3).optional(),
  payment_method_options: paymentMethodOptions.optional(),
  amount: amountSchema,
  currency: currencySchema,
  payment_method: paymentMethodSchema.optional(),
  confirm: z.boolean().optional(),
  capture_method: z.enum(CAPTURE_METHODS).optional(),
  /** Manual capture only: capture automatically at this time (escrow-style hold), within 7 days. */
  capture_at: unixSeconds.optional(),
  customer: z.string().min(1).max(255).optional(),
  description: z.string().max(1000).optional(),
  receipt_email: z.email().max(254).optional(),
  return_url: httpUrl.optional(),
  metadata: metadataSchema.optional(),
  /** Hold the captured funds in escrow until a timelock, with a dispute window (lib/escrow). */
  escrow: EscrowInput.optional(),
});
export type CreatePaymentInput = z.output<typeof CreatePaymentInput>;

/**
 * POST /api/v1/payments' body as the API takes it: a card/UPI/PayPal payment (CreatePaymentInput) or, with
 * payment_method_types ["crypto"], a token payment whose amount is a string of base units
 * (lib/crypto-payments/inputs.ts). Only the shape is checked here; createPayment checks the rest per
 * method, so a card's `amount: 10.5` is still parameter_invalid_integer.
 */
export const CreatePaymentBody = CreatePaymentInput.extend({
  payment_method_types: z
    .array(z.enum([...PAYMENT_METHOD_TYPES, "crypto"]))
    .min(1)
    .max(3)
    .optional(),
  // Three letters (ISO 4217), or four for a token (usdc, usdt).
  currency: z
    .string()
    .min(3)
    .max(4)
    .transform((s) => s.toLowerCase()),
  amount: z.union([
    // Typed as the integer it must be; the check itself is CreatePaymentInput's (parameter_invalid_integer).
    z.number().meta({ type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "Minor units for card, UPI and PayPal." }),
    z
      .string()
      .meta({ pattern: "^[0-9]+$", description: 'For crypto: a decimal string of the token\'s base units, e.g. "1500000" for 1.5 USDC (exact at any size).' }),
  ]),
});

export const ConfirmPaymentInput = z.strictObject({
  payment_method: paymentMethodSchema.optional(),
  payment_method_options: paymentMethodOptions.optional(),
  return_url: httpUrl.optional(),
});

export const CapturePaymentInput = z.strictObject({
  amount_to_capture: amountSchema.optional(),
});

export const CancelPaymentInput = z.strictObject({
  cancellation_reason: z
    .enum(CANCELLATION_REASONS.filter((r) => r !== "automatic" && r !== "expired") as ["duplicate", "fraudulent", "requested_by_customer", "abandoned"])
    .optional(),
});

const createdFilter = z.strictObject({
  gt: z.coerce.number().int().optional(),
  gte: z.coerce.number().int().optional(),
  lt: z.coerce.number().int().optional(),
  lte: z.coerce.number().int().optional(),
});

export const ListPaymentsQuery = z.strictObject({
  ...listParams,
  status: z.enum(PAYMENT_STATUSES).optional(),
  customer: z.string().min(1).max(255).optional(),
  created: createdFilter.optional(),
});
export type ListPaymentsQuery = z.output<typeof ListPaymentsQuery>;

/** Currency supported, amount within Stripe's bounds and at least the currency's minimum. */
export function checkChargeAmount(amount: number | bigint, currency: string, param = "amount"): bigint {
  if (!isCurrency(currency)) {
    throw new KassaError("currency_unsupported", `Invalid currency: ${currency}. Kassa supports ISO 4217 codes such as usd, eur, inr, jpy.`, {
      param: "currency",
    });
  }
  const value = BigInt(amount);
  if (value > MAX_AMOUNT) {
    throw new KassaError("amount_too_large", `Amount must be no more than ${toDecimalString(MAX_AMOUNT, currency)} ${currency}.`, { param });
  }
  const min = minimumChargeAmount(currency);
  if (value < min) {
    throw new KassaError("amount_too_small", `Amount must be at least ${toDecimalString(min, currency)} ${currency} (${min} in minor units).`, { param });
  }
  return value;
}
