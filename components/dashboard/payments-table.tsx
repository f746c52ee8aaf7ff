"use client";

import { useEffect, useMemo, useState } from "react";
import { getCoreRowModel, useReactTable, type ColumnDef, type VisibilityState } from "@tanstack/react-table";
import { Badge } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { statusTone } from "@/components/dashboard/payment-status";
import { formatMoney } from "@/lib/money";
import type { PaymentObject } from "@/lib/payments/serialize-payment";

const STORAGE_KEY = "kassa.payments.columns";

/** The columns, declared once for the Table; TanStack keeps which of them the viewer chose to see. */
const columns: (Column<PaymentObject> & { header: string; hideable?: false })[] = [
  {
    id: "amount",
    header: "Amount",
    hideable: false,
    numeric: true,
    align: "left",
    className: "font-medium",
    href: (p) => `/payments/${p.id}`,
    cell: (p) => formatMoney(p.amount, p.currency),
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
/** "visa · 4242", "UPI · QR · success", or "UPI" for one not yet confirmed. */
function methodLabel(p: PaymentObject): string {
  const d = p.payment_method_details;
  if (d?.card) return `${d.card.brand} · ${d.card.last4}`;
  if (d?.upi) return `UPI · ${d.upi.flow === "qr" ? "QR" : d.upi.flow} · ${d.upi.status}`;
  return p.payment_method === "upi" ? "UPI" : "—";
}
const choices: ColumnDef<PaymentObject>[] = columns.map((c) => ({ id: c.id, header: c.header, enableHiding: c.hideable !== false }));

/** The list's rows with TanStack Table; which columns show is the viewer's choice, kept in localStorage. */
export function PaymentsTable({ data }: { data: PaymentObject[] }) {
  const [visibility, setVisibility] = useState<VisibilityState>({});
  useEffect(() => {
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      if (saved) setVisibility(JSON.parse(saved) as VisibilityState);
    } catch {
      /* a broken entry just means the default columns */
    }
  }, []);
  const table = useReactTable({
    data,
    columns: choices,
    state: { columnVisibility: visibility },
    onColumnVisibilityChange: (updater) =>
      setVisibility((old) => {
        const next = typeof updater === "function" ? updater(old) : updater;
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
        return next;
      }),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (p) => p.id,
  });
  const hideable = useMemo(() => table.getAllLeafColumns().filter((c) => c.getCanHide()), [table]);
  return (
    <div className="space-y-2">
      <details className="relative text-sm">
        <summary className="inline-block cursor-pointer rounded px-2 py-1 text-brand-700 hover:bg-slate-100">Columns</summary>
        <fieldset className="absolute z-10 mt-1 space-y-1 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200">
          <legend className="sr-only">Columns to show</legend>
          {hideable.map((c) => (
            <label key={c.id} className="flex items-center gap-2 whitespace-nowrap">
              <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />
              {String(c.columnDef.header)}
            </label>
          ))}
        </fieldset>
      </details>
      <Table
        caption="Payments"
        testId="payments-table"
        scroll
        rows={data}
        rowKey={(p) => p.id}
        rowData={(p) => ({ "data-payment-id": p.id })}
        columns={columns.map((c) => ({ ...c, hidden: !table.getColumn(c.id)!.getIsVisible() }))}
      />
    </div>
  );
}
