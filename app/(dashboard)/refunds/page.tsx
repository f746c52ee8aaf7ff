import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listRefunds } from "@/lib/refunds/list-refunds";

export const metadata = { title: "Refunds" };
const TONE = { pending: "amber", succeeded: "green", failed: "red", canceled: "slate" } as const;

export default async function RefundsPage({ searchParams }: { searchParams: Promise<{ starting_after?: string }> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const { starting_after } = await searchParams;
  const list = await listRefunds({ ctx, input: { limit: "25", ...(starting_after ? { starting_after } : {}) }, url: "/refunds" });
  return (
    <>
      <PageHeader title="Refunds" description="Newest first." />
      <Card>
        {list.data.length === 0 ? (
          <p className="text-sm text-slate-500">No refunds yet. Refund a payment from its page or with POST /api/v1/refunds.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="refunds-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500"><tr><th className="py-2 font-medium">Amount</th><th className="py-2 font-medium">Status</th><th className="py-2 font-medium">Reason</th><th className="py-2 font-medium">Payment</th><th className="py-2 font-medium">Created</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {list.data.map((r) => (
                <tr key={r.id}>
                  <td className="py-2 font-medium">{formatMoney(r.amount, r.currency)}</td>
                  <td className="py-2"><Badge tone={TONE[r.status]}>{r.status}</Badge>{r.failure_reason ? <p className="text-xs text-red-700">{r.failure_reason}</p> : null}</td>
                  <td className="py-2 text-slate-600">{r.reason?.replaceAll("_", " ") ?? "—"}</td>
                  <td className="py-2 font-mono text-xs"><Link className="text-brand-700 hover:underline" href={`/payments/${r.payment}`}>{r.payment}</Link></td>
                  <td className="py-2 text-slate-600"><Time seconds={r.created} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.has_more ? <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`/refunds?starting_after=${list.data.at(-1)!.id}`}>Older refunds</Link> : null}
      </Card>
    </>
  );
}
