import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getBalance } from "@/lib/ledger/get-balance";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import { formatMoney } from "@/lib/money";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Balance" };

export default async function BalancePage({ searchParams }: { searchParams: Promise<{ starting_after?: string }> }) {
  const member = await requireMember("balance:read");
  const ctx = await memberContext(member);
  const { starting_after } = await searchParams;
  const [balance, txns] = await Promise.all([
    getBalance({ ctx }),
    listBalanceTransactions({ ctx, input: { limit: "25", ...(starting_after ? { starting_after } : {}) }, url: "/balance" }),
  ]);
  const currencies = [...new Set([...balance.available, ...balance.pending, ...balance.in_transit, ...balance.escrowed].map((b) => b.currency))].sort();
  const amountOf = (list: { amount: number; currency: string }[], c: string) => list.find((b) => b.currency === c)?.amount ?? 0;
  return (
    <>
      <PageHeader
        title="Balance"
        description="Summed from the ledger. Captured funds are pending for 2 days, then available; escrowed funds wait for their release; payouts take available funds to your bank."
        actions={
          can(member.role, "payouts:read") ? (
            <Link className="text-sm text-brand-700 hover:underline" href="/payouts">
              Payouts
            </Link>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card title="Funds">
          <Table
            caption="Funds by currency"
            testId="balance"
            rows={currencies}
            rowKey={(c) => c}
            empty="No funds yet: a captured payment adds to your pending balance."
            columns={[
              { id: "currency", header: "Currency", className: "uppercase", cell: (c) => c },
              { id: "available", header: "Available", numeric: true, cell: (c) => formatMoney(amountOf(balance.available, c), c) },
              { id: "pending", header: "Pending", numeric: true, cell: (c) => formatMoney(amountOf(balance.pending, c), c) },
              // Escrowed payments' held funds (lib/escrow): neither pending nor available until released.
              { id: "escrowed", header: "Escrowed", numeric: true, cell: (c) => formatMoney(amountOf(balance.escrowed, c), c) },
              { id: "in-transit", header: "In transit to bank", numeric: true, cell: (c) => formatMoney(amountOf(balance.in_transit, c), c) },
            ]}
          />
        </Card>
        <Card title="Balance transactions">
          <Table
            caption="Balance transactions"
            testId="balance-transactions"
            rows={txns.data}
            rowKey={(t) => t.id}
            empty="No money has moved yet: a captured payment or a refund shows here."
            columns={[
              { id: "type", header: "Type", cell: (t) => t.type },
              { id: "amount", header: "Amount", numeric: true, cell: (t) => formatMoney(t.amount, t.currency) },
              { id: "fee", header: "Fee", numeric: true, className: "text-slate-600", cell: (t) => formatMoney(t.fee, t.currency) },
              { id: "net", header: "Net", numeric: true, className: "font-medium", cell: (t) => formatMoney(t.net, t.currency) },
              { id: "status", header: "Status", cell: (t) => <Badge tone={t.status === "available" ? "green" : "amber"}>{t.status}</Badge> },
              { id: "available-on", header: "Available on", className: "text-slate-600", cell: (t) => <Time seconds={t.available_on} /> },
              {
                id: "source",
                header: "Source",
                className: "font-mono text-xs",
                href: (t) => (t.source?.startsWith("pay_") ? `/payments/${t.source}` : t.source?.startsWith("po_") ? `/payouts/${t.source}` : null),
                cell: (t) => t.source,
              },
            ]}
          />
          {txns.has_more ? (
            <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`/balance?starting_after=${txns.data.at(-1)!.id}`}>
              Older
            </Link>
          ) : null}
        </Card>
      </div>
    </>
  );
}
