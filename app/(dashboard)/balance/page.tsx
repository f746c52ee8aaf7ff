import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getBalance } from "@/lib/ledger/get-balance";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import { formatMoney } from "@/lib/money";

export const metadata = { title: "Balance" };

export default async function BalancePage({ searchParams }: { searchParams: Promise<{ starting_after?: string }> }) {
  const member = await requireMember("balance:read");
  const ctx = await memberContext(member);
  const { starting_after } = await searchParams;
  const [balance, txns] = await Promise.all([
    getBalance({ ctx }),
    listBalanceTransactions({ ctx, input: { limit: "25", ...(starting_after ? { starting_after } : {}) }, url: "/balance" }),
  ]);
  const currencies = [...new Set([...balance.available, ...balance.pending].map((b) => b.currency))].sort();
  const amountOf = (list: { amount: number; currency: string }[], c: string) => list.find((b) => b.currency === c)?.amount ?? 0;
  return (
    <>
      <PageHeader title="Balance" description="Summed from the ledger. Captured funds are pending for 2 days, then available." />
      <div className="space-y-6">
        <Card title="Funds">
          <table className="w-full text-left text-sm" data-testid="balance">
            <thead className="text-xs uppercase tracking-wide text-slate-500"><tr><th className="py-2 font-medium">Currency</th><th className="py-2 text-right font-medium">Available</th><th className="py-2 text-right font-medium">Pending</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {currencies.map((c) => (
                <tr key={c}><td className="py-2 uppercase">{c}</td><td className="py-2 text-right">{formatMoney(amountOf(balance.available, c), c)}</td><td className="py-2 text-right">{formatMoney(amountOf(balance.pending, c), c)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Balance transactions">
          {txns.data.length === 0 ? (
            <p className="text-sm text-slate-500">No money has moved yet: a captured payment or a refund shows here.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="balance-transactions">
              <thead className="text-xs uppercase tracking-wide text-slate-500"><tr><th className="py-2 font-medium">Type</th><th className="py-2 text-right font-medium">Amount</th><th className="py-2 text-right font-medium">Fee</th><th className="py-2 text-right font-medium">Net</th><th className="py-2 font-medium">Status</th><th className="py-2 font-medium">Available on</th><th className="py-2 font-medium">Source</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {txns.data.map((t) => (
                  <tr key={t.id}>
                    <td className="py-2">{t.type}</td>
                    <td className="py-2 text-right">{formatMoney(t.amount, t.currency)}</td>
                    <td className="py-2 text-right text-slate-600">{formatMoney(t.fee, t.currency)}</td>
                    <td className="py-2 text-right font-medium">{formatMoney(t.net, t.currency)}</td>
                    <td className="py-2"><Badge tone={t.status === "available" ? "green" : "amber"}>{t.status}</Badge></td>
                    <td className="py-2 text-slate-600"><Time seconds={t.available_on} /></td>
                    <td className="py-2 font-mono text-xs">{t.source?.startsWith("pay_") ? <Link className="text-brand-700 hover:underline" href={`/payments/${t.source}`}>{t.source}</Link> : t.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {txns.has_more ? <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`/balance?starting_after=${txns.data.at(-1)!.id}`}>Older</Link> : null}
        </Card>
      </div>
    </>
  );
}
