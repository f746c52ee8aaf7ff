import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderTimeline } from "@/components/dashboard/order-timeline";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { formatMoney } from "@/lib/money";
import { getOrder } from "@/lib/orders/get-order";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Order" };
const TONE = { initiated: "slate", processing: "amber", succeeded: "green", failed: "red", compensated: "amber" } as const;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let order: Awaited<ReturnType<typeof getOrder>>;
  try {
    order = await getOrder({ ctx, id });
  } catch (error) {
    // Another merchant's (or the other mode's) order is simply not there.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  return (
    <>
      <PageHeader
        title={formatMoney(order.amount, order.currency)}
        description={order.id}
        actions={
          <Link href="/orders" className="text-sm text-brand-700 hover:underline">
            All orders
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Order">
          <dl className="grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-600">Status</dt>
            <dd>
              <Badge tone={TONE[order.status]}>{order.status}</Badge>
            </dd>
            {order.failure_code ? (
              <>
                <dt className="text-slate-600">Why</dt>
                <dd className="text-red-800">
                  {order.failure_code.replaceAll("_", " ")}: {order.failure_message}
                </dd>
              </>
            ) : null}
            <dt className="text-slate-600">Payment</dt>
            <dd className="font-mono text-xs">
              {order.payment ? (
                <Link className="text-brand-700 underline" href={`/payments/${order.payment}`}>
                  {order.payment}
                </Link>
              ) : (
                "—"
              )}
            </dd>
            {order.refund ? (
              <>
                <dt className="text-slate-600">Refund</dt>
                <dd className="font-mono text-xs">{order.refund}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">Created</dt>
            <dd>
              <Time seconds={order.created} />
            </dd>
          </dl>
          <h3 className="mt-4 text-sm font-medium text-slate-900">Items</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {order.items.map((item, i) => (
              <li key={i} className="flex justify-between gap-2">
                <span>
                  {item.quantity} × {item.name}
                </span>
                <span className="tabular-nums">{formatMoney(item.amount, order.currency)}</span>
              </li>
            ))}
          </ul>
        </Card>
        <div className="lg:col-span-2">
          <Card title="Saga timeline">
            <OrderTimeline steps={order.steps ?? []} />
          </Card>
        </div>
      </div>
    </>
  );
}
