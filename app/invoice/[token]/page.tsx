import { notFound } from "next/navigation";
import { HostedInvoiceView } from "@/components/invoice/hosted-invoice-view";
import { PayInvoiceForm } from "@/components/invoice/pay-invoice-form";
import { getHostedInvoice, type HostedInvoice } from "@/lib/invoices/get-hosted-invoice";
import { describeInvoice } from "@/lib/invoices/invoice-document";
import { KassaError } from "@/lib/service/errors";
import { payInvoiceAction } from "./actions";

export const metadata = { title: "Invoice", robots: { index: false } };

/** GET /invoice/:token — the hosted invoice page: public, the unguessable token is the credential (unknown, malformed or a draft: 404). */
export default async function HostedInvoicePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let found: HostedInvoice;
  try {
    found = await getHostedInvoice({ token });
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const doc = describeInvoice(found.invoice, found.lines, found.businessName);
  return (
    <HostedInvoiceView
      doc={doc}
      pdfHref={`/invoice/${token}/pdf`}
      pay={<PayInvoiceForm action={payInvoiceAction.bind(null, token)} label={`Pay ${doc.amountRemaining}`} />}
    />
  );
}
