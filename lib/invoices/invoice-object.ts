// The API's `invoice` and its `line_item` (lib/invoices/serialize.ts types its answers by these), and the
// upcoming invoice's preview (lib/invoices/preview-upcoming-invoice.ts): the same shape before it exists.
import { BILLING_REASONS, INVOICE_STATUSES } from "@/db/schema/subscriptions";
import { StatusReasonObject } from "@/lib/subscriptions/subscription-object";
import { currency, embeddedList, idOf, livemode, metadata, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

const lineFields = {
  object: z.literal("line_item"),
  amount: minorUnits("The line's amount; negative for a credit."),
  currency: currency(),
  description: z.string(),
  quantity: z.int(),
  price: idOf("price").nullable(),
  proration: z.boolean(),
  subscription: idOf("subscription").nullable(),
  subscription_item: idOf("subscriptionItem").nullable(),
  period: z.strictObject({ start: unixTime("The line's period starts"), end: unixTime("The line's period ends") }),
};

export const LineItemObject = z
  .strictObject({ id: idOf("invoiceLine"), ...lineFields })
  .openapi("LineItem", { description: "A line of an invoice: an item's period, or a proration." });

export const UpcomingLineItemObject = z
  .strictObject({ id: idOf("invoiceLine").nullable().openapi({ description: "null for a line the renewal has not made yet." }), ...lineFields })
  .openapi("UpcomingLineItem", { description: "A line of the upcoming invoice." });

const invoiceFields = {
  object: z.literal("invoice"),
  customer: idOf("customer"),
  customer_email: z.string().nullable(),
  customer_name: z.string().nullable(),
  subscription: idOf("subscription").nullable(),
  billing_reason: z.enum(BILLING_REASONS),
  collection_method: z.literal("charge_automatically"),
  currency: currency(),
  period_start: unixTime("The billed period starts"),
  period_end: unixTime("The billed period ends"),
  subtotal: minorUnits("The lines' sum."),
  total: minorUnits("The subtotal after discounts (none yet)."),
  starting_balance: minorUnits("The customer's balance applied before this invoice."),
  amount_due: minorUnits("What the customer owes for it."),
  amount_paid: minorUnits("Paid so far."),
  amount_remaining: minorUnits("Left to pay."),
  attempt_count: z.int(),
  attempted: z.boolean(),
  next_payment_attempt: unixTime("Kassa next tries to charge it").nullable(),
  hosted_invoice_url: z.string().nullable().openapi({ description: "The page the customer sees and pays it on; null while draft." }),
  invoice_pdf: z.string().nullable(),
  livemode: livemode(),
  created: unixTime("Created"),
};

export const InvoiceObject = z
  .strictObject({
    id: idOf("invoice"),
    ...invoiceFields,
    number: z.string().nullable().openapi({ description: "Assigned at finalisation (KASSA-0001)." }),
    status: z.enum(INVOICE_STATUSES),
    description: z.string().nullable(),
    lines: embeddedList(LineItemObject, "The invoice's lines."),
    ending_balance: minorUnits("The customer's balance after it; null while draft.").nullable(),
    payment: idOf("payment").nullable().openapi({ description: "The latest payment that tried to collect it." }),
    last_payment_error: StatusReasonObject.nullable(),
    status_transitions: z.strictObject({
      finalized_at: unixTime("Finalised").nullable(),
      paid_at: unixTime("Paid").nullable(),
      voided_at: unixTime("Voided").nullable(),
      marked_uncollectible_at: unixTime("Marked uncollectible").nullable(),
    }),
    metadata: metadata(),
  })
  .openapi("Invoice", { description: "What a customer owes for a period: draft → open → paid | void | uncollectible." });

export const UpcomingInvoiceObject = z
  .strictObject({
    id: z.null(),
    ...invoiceFields,
    number: z.null(),
    status: z.literal("draft"),
    lines: embeddedList(UpcomingLineItemObject, "Pending prorations first, then the next period's items."),
    ending_balance: minorUnits("The customer's balance after it."),
  })
  .openapi("UpcomingInvoice", { description: "A preview of the subscription's next invoice; nothing is stored." });
