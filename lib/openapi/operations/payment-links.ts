// Payment links: the API's operations (lib/openapi/operations.ts)
import { CreatePaymentLinkInput, ListPaymentLinksQuery, UpdatePaymentLinkInput } from "@/lib/payment-links/inputs";
import type { OperationEntries } from "../operation-types";

export const paymentLinksOperations = {
  "POST /api/v1/payment_links/:id/deactivate": {
    summary: "Deactivate a payment link",
    description: "The link stops starting checkouts (same as { active: false }).",
    tag: "Payment links",
    auth: "secret",
    permission: "payment_links:write",
    response: "PaymentLink",
    idempotent: true,
  },
  "GET /api/v1/payment_links/:id": {
    summary: "Get a payment link",
    description: "One link.",
    tag: "Payment links",
    auth: "secret",
    permission: "payment_links:read",
    response: "PaymentLink",
    idempotent: false,
  },
  "POST /api/v1/payment_links/:id": {
    summary: "Update a payment link",
    description: "`{ active }` turns the link off or on.",
    tag: "Payment links",
    auth: "secret",
    permission: "payment_links:write",
    body: UpdatePaymentLinkInput,
    response: "PaymentLink",
    idempotent: true,
  },
  "POST /api/v1/payment_links": {
    summary: "Create a payment link",
    description: "Create a reusable payment link.",
    tag: "Payment links",
    auth: "secret",
    permission: "payment_links:write",
    body: CreatePaymentLinkInput,
    response: "PaymentLink",
    errors: ["currency_unsupported"],
    idempotent: true,
  },
  "GET /api/v1/payment_links": {
    summary: "List payment links",
    description: "The payment links, newest first.",
    tag: "Payment links",
    auth: "secret",
    permission: "payment_links:read",
    query: ListPaymentLinksQuery,
    response: { list: "PaymentLink" },
    idempotent: false,
  },
} as const satisfies OperationEntries;
