import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { formatMoney } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { searchRefunds } from "@/lib/refunds/search-refunds";

export const metadata = { title: "Refunds" };
const TONE = { pending: "amber", succeeded: "green", failed: "red", canceled: "slate" } as const;

const KEYS = ["status", "from", "to", "currency"] as const;

export default async function RefundsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const filters: Record<string, string> = Object.fromEntries(KEYS.flatMap((k) => (sp[k] ? [[k, sp[k]!]] : [])));
  let list: Awaited<ReturnType<typeof searchRefunds>>;
  try {
    list = await searchRefunds({ ctx, input: { ...filters, ...(sp.cursor ? { cursor: sp.cursor } : {}) } });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    return (
      <>
        <PageHeader title="Refunds" />
        <Card><p role="alert" className="text-sm text-red-800">These filters cannot be used: {error.message} <Link className="text-brand-700 underline" href="/refunds">Show all refunds</Link></p></Card>
      </>
    );
  }
  const filtered = Object.keys(filters).length > 0;
  const describe = [filters.status, filters.currency?.toUpperCase(), filters.from || filters.to ? `created ${filters.from ?? "…"} to ${filters.to ?? "…"}` : null].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader title="Refunds" description={filtered ? `Newest first · ${describe}` : "Newest first."} actions={filtered ? <Link href="/refunds" className="text-sm text-brand-700 hover:underline">Clear filters</Link> : null} />
      <Card>
        {list.data.length === 0 ? (
          <p className="text-sm text-slate-600">{filtered ? "No refunds match these filters." : "No refunds yet. Refund a payment from its page or with POST /api/v1/refunds."}</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="refunds-table">
            <thead className="text-xs uppercase tracking-wide text-slate-600"><tr><th className="py-2 font-medium">Amount</th><th className="py-2 font-medium">Status</th><th className="py-2 font-medium">Reason</th><th className="py-2 font-medium">Payment</th><th className="py-2 font-medium">Created</th></tr></thead>
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
        {list.has_more ? <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`/refunds?${new URLSearchParams({ ...filters, cursor: list.next_cursor! })}`}>Older refunds</Link> : null}
      </Card>
    </>
  );
}
