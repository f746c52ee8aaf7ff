"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type VisibilityState } from "@tanstack/react-table";
import { Badge } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { statusTone } from "@/components/dashboard/payment-status";
import { formatMoney } from "@/lib/money";
import type { PaymentObject } from "@/lib/payments/serialize-payment";

const STORAGE_KEY = "kassa.payments.columns";
const col = createColumnHelper<PaymentObject>();

const columns = [
  col.accessor("amount", {
    header: "Amount",
    enableHiding: false,
    cell: (c) => <Link className="font-medium text-brand-700 hover:underline" href={`/payments/${c.row.original.id}`}>{formatMoney(c.getValue(), c.row.original.currency)}</Link>,
  }),
  col.accessor("status", { header: "Status", cell: (c) => <Badge tone={statusTone(c.getValue())}>{c.getValue().replaceAll("_", " ")}</Badge> }),
  col.accessor((p) => p.customer ?? p.receipt_email ?? "", { id: "customer", header: "Customer", cell: (c) => <span className="text-slate-700">{c.getValue() || "—"}</span> }),
  col.accessor((p) => (p.payment_method_details?.card ? `${p.payment_method_details.card.brand} · ${p.payment_method_details.card.last4}` : ""), { id: "method", header: "Method", cell: (c) => <span className="text-slate-700">{c.getValue() || "—"}</span> }),
  col.accessor("created", { header: "Created", cell: (c) => <span className="text-slate-700"><Time seconds={c.getValue()} /></span> }),
  col.accessor("id", { header: "Id", cell: (c) => <span className="font-mono text-xs text-slate-600">{c.getValue()}</span> }),
];

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
    columns,
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
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Payments">
        <table className="w-full text-left text-sm" data-testid="payments-table">
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>{g.headers.map((h) => <th key={h.id} scope="col" className="py-2 pr-3 font-medium">{flexRender(h.column.columnDef.header, h.getContext())}</th>)}</tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id} data-payment-id={r.id}>{r.getVisibleCells().map((c) => <td key={c.id} className="py-2 pr-3">{flexRender(c.column.columnDef.cell, c.getContext())}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
