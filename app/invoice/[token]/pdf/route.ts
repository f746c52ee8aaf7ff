// GET /invoice/:token/pdf — the hosted invoice as a PDF (the token is the credential; unknown, malformed or a draft: 404)
import { withPublic } from "@/lib/http/with-public";
import { getHostedInvoice } from "@/lib/invoices/get-hosted-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";

export const dynamic = "force-dynamic";

export const GET = withPublic<{ token: string }>("/invoice/:token/pdf", async ({ params }) => {
  const { invoice, lines, businessName } = await getHostedInvoice({ token: params.token });
  const pdf = await renderInvoicePdf(invoice, lines, businessName);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${invoice.number}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
});
