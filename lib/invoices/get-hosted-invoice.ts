import { eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices, merchants, type InvoiceLineRow, type InvoiceRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { linesOf } from "./load";

/** A hosted token: 32 random bytes as base64url (build-invoice.ts), 43 characters, nothing else. */
const HOSTED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface HostedInvoice {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  businessName: string;
}

/** The same answer for every miss (unknown, malformed, a draft), so a miss tells nothing. */
export const noSuchHostedInvoice = () => new KassaError("resource_missing", "No such invoice.", { param: "token" });

/**
 * The customer's side of an invoice (the hosted page, its PDF, its Pay button): the token in the URL is the
 * only credential, so the lookup is by token alone — never by the bare id — and everything after it is
 * scoped to the invoice's merchant and mode. A draft has no hosted page yet (Stripe's rule).
 */
export async function getHostedInvoice({ token, db }: { token: string; db?: Executor }): Promise<HostedInvoice> {
  if (typeof token !== "string" || !HOSTED_TOKEN.test(token)) throw noSuchHostedInvoice();
  const handle = db ?? (await getDb());
  const [row] = await handle
    .select({ invoice: invoices, businessName: merchants.businessName })
    .from(invoices)
    .innerJoin(merchants, eq(merchants.id, invoices.merchantId))
    .where(eq(invoices.hostedToken, token));
  if (!row || row.invoice.status === "draft") throw noSuchHostedInvoice();
  return { invoice: row.invoice, lines: await linesOf(handle, row.invoice.id), businessName: row.businessName };
}

/** Who acts when a customer uses the hosted page: Kassa for the invoice's merchant and mode. */
export function hostedInvoiceContext(invoice: Pick<InvoiceRow, "id" | "merchantId" | "livemode">): ServiceContext {
  return { merchantId: invoice.merchantId, livemode: invoice.livemode, actor: { type: "system", id: "hosted-invoice", label: `hosted invoice ${invoice.id}` } };
}
