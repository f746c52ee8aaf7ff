import { Badge } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ColumnChooser } from "@/components/dashboard/column-chooser";
import { statusTone } from "@/components/dashboard/payment-status";
import { formatMoney } from "@/lib/money";
import type { PaymentObject } from "@/lib/payments/serialize-payment";

const STORAGE_KEY = "kassa.payments.columns";

/** The columns, declared once for the Table and the Columns menu. */
const columns: (Column<PaymentObject> & { header: string; hideable?: false })[] = [
  {
    id: "amount",
    header: "Amount",
    hideable: false,
    numeric: true,
    align: "left",
    className: "font-medium",
    href: (p) => `/payments/${p.id}`,
    // A crypto payment's amount is its token amount (its fiat amount is 0).
    cell: (p) => formatMoney(p.payment_method_details?.type === "crypto" ? BigInt(p.payment_method_details.crypto.amount) : p.amount, p.currency),
  },
  { id: "status", header: "Status", cell: (p) => <Badge tone={statusTone(p.status)}>{p.status.replaceAll("_", " ")}</Badge> },
  { id: "customer", header: "Customer", className: "text-slate-700", cell: (p) => (p.customer ?? p.receipt_email) || "—" },
  {
    id: "method",
    header: "Method",
    className: "text-slate-700",
    cell: (p) => methodLabel(p),
  },
  { id: "created", header: "Created", className: "text-slate-700", cell: (p) => <Time seconds={p.created} /> },
  { id: "id", header: "Id", className: "font-mono text-xs text-slate-600", cell: (p) => p.id },
];
/** "visa · 4242", "UPI · QR · success", "PayPal · buyer@…", "USDC · confirmed", or "UPI" / "PayPal" for one not yet paid. */
function methodLabel(p: PaymentObject): string {
  const d = p.payment_method_details;
  if (d?.card) return `${d.card.brand} · ${d.card.last4}`;
  if (d?.upi) return `UPI · ${d.upi.flow === "qr" ? "QR" : d.upi.flow} · ${d.upi.status}`;
  if (d?.paypal) return d.paypal.payer_email ? `PayPal · ${d.paypal.payer_email}` : "PayPal";
  if (d?.type === "crypto") return `${d.crypto.token.toUpperCase()} · ${d.crypto.status}`;
  return p.payment_method === "upi" ? "UPI" : p.payment_method === "paypal" ? "PayPal" : "—";
}
/**
 * The list's rows, rendered on the server; which columns show is the viewer's choice, kept in localStorage by
 * the Columns menu (the only part of the list that runs in the browser).
 */
export function PaymentsTable({ data }: { data: PaymentObject[] }) {
  return (
    <div className="space-y-2">
      <ColumnChooser
        storageKey={STORAGE_KEY}
        tableTestId="payments-table"
        columns={columns.map((c) => ({ id: c.id, label: c.header, hideable: c.hideable !== false }))}
      />
      <Table
        caption="Payments"
        testId="payments-table"
        scroll
        rows={data}
        rowKey={(p) => p.id}
        rowData={(p) => ({ "data-payment-id": p.id })}
        columns={columns}
      />
    </div>
  );
}
