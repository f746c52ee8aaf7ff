import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ORDER_STATUSES } from "@/db/schema";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { formatMoney } from "@/lib/money";
import { listOrders } from "@/lib/orders/list-orders";

export const metadata = { title: "Orders" };
const ORDER_TONE = { initiated: "slate", processing: "amber", succeeded: "green", failed: "red", compensated: "amber" } as const;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const status = ORDER_STATUSES.find((s) => s === sp.status);
  const list = await listOrders({
    ctx,
    input: { limit: 25, ...(status ? { status } : {}), ...(sp.after ? { starting_after: sp.after } : {}) },
    url: "/orders",
  });
  const last = list.data.at(-1);
  return (
    <>
      <PageHeader
        title="Orders"
        description={`Newest first${status ? ` · ${status}` : ""}. Each order runs a saga: authorise, reserve at your shop, capture, confirm — undone in reverse if a step fails.`}
      />
      <nav aria-label="Order status" className="mb-4 flex flex-wrap gap-3 text-sm">
        {[undefined, ...ORDER_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/orders?status=${s}` : "/orders"}
            aria-current={s === status ? "page" : undefined}
            className={s === status ? "font-semibold text-brand-700" : "text-slate-700 hover:underline"}
          >
            {s ?? "All"}
          </Link>
        ))}
      </nav>
      <Card>
        <Table
          caption={status ? `Orders: ${status}` : "Orders"}
          testId="orders-table"
          rows={list.data}
          rowKey={(o) => o.id}
          empty={status ? `No ${status} orders.` : "No orders yet. Create one with POST /api/v1/orders."}
          columns={[
            {
              id: "amount",
              header: "Amount",
              numeric: true,
              align: "left",
              className: "font-medium",
              href: (o) => `/orders/${o.id}`,
              linkLabel: (o) => `Order ${o.id}`,
              cell: (o) => formatMoney(o.amount, o.currency),
            },
            {
              id: "status",
              header: "Status",
              cell: (o) => <Badge tone={ORDER_TONE[o.status]}>{o.status}</Badge>,
              detail: (o) => (o.failure_code ? <span className="text-red-700">{o.failure_code.replaceAll("_", " ")}</span> : null),
            },
            { id: "items", header: "Items", className: "text-slate-600", cell: (o) => o.items.map((i) => `${i.quantity} × ${i.name}`).join(", ") },
            { id: "id", header: "Order", className: "font-mono text-xs", cell: (o) => o.id },
            { id: "created", header: "Created", className: "text-slate-600", cell: (o) => <Time seconds={o.created} /> },
          ]}
        />
        {list.has_more && last ? (
          <Link
            className="mt-3 inline-block text-sm text-brand-700 hover:underline"
            href={`/orders?${new URLSearchParams({ ...(status ? { status } : {}), after: last.id })}`}
          >
            Older orders
          </Link>
        ) : null}
      </Card>
    </>
  );
}
