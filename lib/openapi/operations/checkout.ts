// Checkout: the API's operations (lib/openapi/operations.ts)
import { CreateCheckoutSessionInput } from "@/lib/checkout/inputs";
import type { OperationEntries } from "../operation-types";

export const checkoutOperations = {
  "GET /api/v1/checkout/sessions/:id": {
    summary: "Get a checkout session",
    description: "One checkout session.",
    tag: "Checkout",
    auth: "secret",
    permission: "payments:read",
    response: "CheckoutSession",
    idempotent: false,
  },
  "POST /api/v1/checkout/sessions": {
    summary: "Create a checkout session",
    description:
      'Create a checkout session (a hosted page where a customer pays). payment_method_types may name "crypto" for a session in USD: the page offers USDC, USDT and DAI at 1:1 (any other currency is refused with payment_method_currency_mismatch).',
    tag: "Checkout",
    auth: "secret",
    permission: "payments:write",
    body: CreateCheckoutSessionInput,
    response: "CheckoutSession",
    errors: ["payment_method_currency_mismatch", "payment_method_unsupported"],
    idempotent: true,
  },
} as const satisfies OperationEntries;
