import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { statusTone } from "@/components/dashboard/payment-status";
import { Time } from "@/components/ui/time";
import { PAYMENT_STATUSES } from "@/db/schema";
import { memberContext, requireMember } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listPayments } from "@/lib/payments/list-payments";

export const metadata = { title: "Payments" };

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ status?: string; starting_after?: string }> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const status = PAYMENT_STATUSES.find((s) => s === sp.status);
  const list = await listPayments({ ctx, input: { limit: "25", ...(status ? { status } : {}), ...(sp.starting_after ? { starting_after: sp.starting_after } : {}) }, url: "/payments" });
  const href = (extra: Record<string, string>) => `/payments?${new URLSearchParams({ ...(status ? { status } : {}), ...extra })}`;
  return (
    <>
      <PageHeader title="Payments" description={`Newest first, ${ctx.livemode ? "live" : "test"} mode.`} />
      <Card
        actions={
          <nav className="flex flex-wrap gap-1 text-sm" aria-label="Filter by status">
            {(["all", "succeeded", "requires_capture", "requires_payment_method", "processing", "canceled"] as const).map((s) => (
              <Link key={s} href={s === "all" ? "/payments" : `/payments?status=${s}`} aria-current={(status ?? "all") === s ? "page" : undefined} className={`rounded px-2 py-1 ${(status ?? "all") === s ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}>{s.replaceAll("_", " ")}</Link>
            ))}
          </nav>
        }
      >
        {list.data.length === 0 ? (
          <p className="text-sm text-slate-500">No payments{status ? ` with status ${status.replaceAll("_", " ")}` : ""} yet. Create one with POST /api/v1/payments.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="payments-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="py-2 font-medium">Amount</th><th className="py-2 font-medium">Status</th><th className="py-2 font-medium">Method</th><th className="py-2 font-medium">Customer</th><th className="py-2 font-medium">Created</th><th className="py-2 font-medium">Id</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.map((p) => (
                <tr key={p.id}>
                  <td className="py-2 font-medium"><Link className="text-brand-700 hover:underline" href={`/payments/${p.id}`}>{formatMoney(p.amount, p.currency)}</Link></td>
                  <td className="py-2"><Badge tone={statusTone(p.status)}>{p.status.replaceAll("_", " ")}</Badge></td>
                  <td className="py-2 text-slate-600">{p.payment_method_details?.card ? `${p.payment_method_details.card.brand} · ${p.payment_method_details.card.last4}` : "—"}</td>
                  <td className="py-2 text-slate-600">{p.customer ?? p.receipt_email ?? "—"}</td>
                  <td className="py-2 text-slate-600"><Time seconds={p.created} /></td>
                  <td className="py-2 font-mono text-xs text-slate-500">{p.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.has_more ? <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={href({ starting_after: list.data.at(-1)!.id })}>Older payments</Link> : null}
      </Card>
    </>
  );
}
