import Link from "next/link";
import { PayoutActionForm } from "@/components/dashboard/payouts/action-form";
import { PayoutStatus } from "@/components/dashboard/payouts/payout-status";
import { Card, PageHeader } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listBankAccounts } from "@/lib/bank-accounts/list-bank-accounts";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getBalance } from "@/lib/ledger/get-balance";
import { formatMoney } from "@/lib/money";
import { listPayouts } from "@/lib/payouts/list-payouts";
import { can } from "@/lib/service/roles";
import { createPayoutAction } from "./actions";

export const metadata = { title: "Payouts" };

export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ starting_after?: string }> }) {
  const member = await requireMember("payouts:read");
  const ctx = await memberContext(member);
  const { starting_after } = await searchParams;
  const canWrite = can(member.role, "payouts:write");
  const [list, accounts, balance] = await Promise.all([
    listPayouts({ ctx, input: { limit: "25", ...(starting_after ? { starting_after } : {}) }, url: "/payouts" }),
    listBankAccounts({ ctx, input: { limit: "100" }, url: "/settings/payouts" }),
    can(member.role, "balance:read") ? getBalance({ ctx }) : null,
  ]);
  const currencies = [...new Set(accounts.data.map((a) => a.currency))].sort();
  return (
    <>
      <PageHeader
        title="Payouts"
        description={`Money sent from your available balance to your bank accounts (${ctx.livemode ? "live" : "test"} mode). Automatic payouts list the balance transactions they settle.`}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/settings/payouts">
            Schedule and bank accounts
          </Link>
        }
      />
      <div className="space-y-6">
        {canWrite ? (
          <Card title="Pay out">
            {currencies.length === 0 ? (
              <p className="text-sm text-slate-600">
                Add a bank account in <Link href="/settings/payouts">Settings → Payouts</Link> first.
              </p>
            ) : (
              <PayoutActionForm action={createPayoutAction} label="Pay out" submit="Pay out" success="Payout created. It goes to your bank shortly.">
                <div className="grid max-w-xl grid-cols-2 gap-3">
                  <SelectField label="Currency" name="currency" defaultValue={currencies[0]}>
                    {currencies.map((c) => (
                      <option key={c} value={c}>
                        {c.toUpperCase()}
                        {balance ? ` — ${formatMoney(balance.available.find((a) => a.currency === c)?.amount ?? 0, c)} available` : ""}
                      </option>
                    ))}
                  </SelectField>
                  <Field label="Amount" name="amount" inputMode="decimal" placeholder="100.00" required />
                </div>
                <Field label="Description (optional)" name="description" maxLength={500} />
              </PayoutActionForm>
            )}
          </Card>
        ) : null}
        <Card title="All payouts">
          <Table
            caption="Payouts"
            testId="payouts"
            rows={list.data}
            rowKey={(p) => p.id}
            empty="No payouts yet."
            columns={[
              {
                id: "amount",
                header: "Amount",
                numeric: true,
                className: "font-medium",
                href: (p) => `/payouts/${p.id}`,
                cell: (p) => formatMoney(p.amount, p.currency),
              },
              { id: "status", header: "Status", cell: (p) => <PayoutStatus status={p.status} /> },
              { id: "type", header: "Type", cell: (p) => (p.automatic ? "Automatic" : "Manual") },
              { id: "arrival", header: "Arrival", className: "text-slate-600", cell: (p) => <Time seconds={p.arrival_date} /> },
              { id: "created", header: "Created", className: "text-slate-600", cell: (p) => <Time seconds={p.created} /> },
              { id: "id", header: "ID", className: "font-mono text-xs", cell: (p) => p.id },
            ]}
          />
          {list.has_more ? (
            <Link className="mt-3 inline-block text-sm text-brand-700 hover:underline" href={`/payouts?starting_after=${list.data.at(-1)!.id}`}>
              Older
            </Link>
          ) : null}
        </Card>
      </div>
    </>
  );
}
