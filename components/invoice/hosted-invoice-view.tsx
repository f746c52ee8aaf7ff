import type { InvoiceDocument } from "@/lib/invoices/invoice-document";

const STATUS_STYLES: Record<InvoiceDocument["status"], string> = {
  draft: "bg-slate-100 text-slate-800",
  open: "bg-brand-50 text-brand-700",
  paid: "bg-emerald-100 text-emerald-900",
  void: "bg-slate-100 text-slate-800",
  uncollectible: "bg-red-100 text-red-900",
};

/**
 * The hosted invoice page's content, in the checkout pages' card: who bills, the invoice's status and what
 * is left to pay, then its lines and totals, from the same description as the PDF (describeInvoice).
 * `pay` is the Pay button, shown while something is left to pay.
 */
export function HostedInvoiceView({ doc, pdfHref, pay }: { doc: InvoiceDocument; pdfHref: string; pay?: React.ReactNode }) {
  const headline = doc.payable ? `${doc.amountRemaining} due` : doc.status === "paid" ? `${doc.amountPaid} paid` : doc.amountDue;
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      {doc.testMode ? (
        <p className="rounded-t-xl bg-amber-100 px-5 py-2 text-sm font-medium text-amber-900 sm:px-7" data-testid="invoice-test-mode">
          Test mode: this invoice was made with test data. No real money moves.
        </p>
      ) : null}
      <div className="p-5 sm:p-7">
        <header className="mb-6 space-y-2">
          <p className="text-sm font-semibold text-slate-800" data-testid="invoice-merchant">
            {doc.businessName}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-slate-900">
              Invoice <span data-testid="invoice-number">{doc.number}</span>
            </h1>
            <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATUS_STYLES[doc.status]}`} data-testid="invoice-status">
              {doc.statusLabel}
            </span>
          </div>
          <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="invoice-headline">
            {headline}
          </p>
          {doc.status === "paid" && doc.paidAt ? <p className="text-sm text-slate-700">Paid on {doc.paidAt}. Thank you.</p> : null}
          {doc.status === "void" ? (
            <p className="text-sm text-slate-700">This invoice was voided{doc.voidedAt ? ` on ${doc.voidedAt}` : ""}. Nothing is owed on it.</p>
          ) : null}
          {doc.description ? <p className="text-sm text-slate-700">{doc.description}</p> : null}
        </header>

        {doc.payable && pay ? <div className="mb-6">{pay}</div> : null}

        <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Billed to</dt>
            <dd className="text-slate-900" data-testid="invoice-customer">
              {doc.customerName ? <span className="block">{doc.customerName}</span> : null}
              {doc.customerEmail ? <span className="block">{doc.customerEmail}</span> : null}
              {!doc.customerName && !doc.customerEmail ? "—" : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Billing period</dt>
            <dd className="text-slate-900">{doc.period}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Date of issue</dt>
            <dd className="text-slate-900">{doc.issued ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Invoice number</dt>
            <dd className="font-mono text-slate-900">{doc.number}</dd>
          </div>
        </dl>

        <table className="mb-4 w-full text-sm" data-testid="invoice-lines">
          <caption className="sr-only">Items on invoice {doc.number}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                Description
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Qty
              </th>
              <th scope="col" className="py-2 pl-3 text-right font-medium">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((line, i) => (
              <tr key={i} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3 text-slate-900">
                  <span className="block">{line.description}</span>
                  <span className="block text-xs text-slate-600">
                    {line.proration ? <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 font-semibold text-slate-800">Proration</span> : null}
                    {line.period}
                  </span>
                </td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-900">{line.quantity}</td>
                <td className="py-2 pl-3 text-right tabular-nums text-slate-900">{line.amount}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <dl className="ml-auto max-w-xs space-y-1 text-sm" data-testid="invoice-totals">
          {doc.totals.map((row) => {
            const strong = row.key === "amount_due" || row.key === "amount_remaining";
            return (
              <div key={row.key} className="flex justify-between gap-4" data-testid={`invoice-${row.key.replaceAll("_", "-")}`}>
                <dt className={strong ? "font-semibold text-slate-900" : "text-slate-700"}>{row.label}</dt>
                <dd className={`tabular-nums ${strong ? "font-semibold text-slate-900" : "text-slate-900"}`}>{row.value}</dd>
              </div>
            );
          })}
        </dl>

        <p className="mt-6 text-sm">
          <a className="font-medium text-brand-700 underline hover:text-brand-600" href={pdfHref} data-testid="invoice-pdf">
            Download PDF
          </a>
        </p>
        <p className="mt-6 text-center text-xs text-slate-600">
          Dates in UTC. Payments by <span className="font-semibold text-brand-700">kassa</span>
        </p>
      </div>
    </div>
  );
}
