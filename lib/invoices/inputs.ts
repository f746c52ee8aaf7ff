import { z } from "zod";
import { INVOICE_STATUSES } from "@/db/schema";
import { listParams } from "@/lib/service/pagination";

const id = z.string().min(1).max(255);

/** A draft for the customer: with `subscription`, it takes that subscription's pending prorations. */
export const CreateInvoiceInput = z.strictObject({
  customer: id,
  subscription: id.optional(),
  description: z.string().max(1000).optional(),
});

export const PayInvoiceInput = z.strictObject({ payment_method: id.optional() });

export const ListInvoicesQuery = z.strictObject({
  ...listParams,
  status: z.enum(INVOICE_STATUSES).optional(),
  customer: id.optional(),
  subscription: id.optional(),
});
