import Link from "next/link";
import { PayoutActionForm } from "@/components/dashboard/payouts/action-form";
import { PayoutStatus } from "@/components/dashboard/payouts/payout-status";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import type { BalanceTransactionObject } from "@/lib/ledger/serialize-balance-transaction";
import { formatMoney } from "@/lib/money";
import { getPayoutReconciliation } from "@/lib/payouts/get-payout-reconciliation";
import { can } from "@/lib/service/roles";
import { KassaError } from "@/lib/service/errors";
import { notFound } from "next/navigation";
import { cancelPayoutAction } from "../actions";

export const metadata = { title: "Payout" };

function TransactionsTable({ rows, caption, testId, empty }: { rows: BalanceTransactionObject[]; caption: string; testId: string; empty: string }) {
  return (
    <Table
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={(t) => t.id}
      empty={empty}
      columns={[
        { id: "type", header: "Type", cell: (t) => t.type },
        {
          id: "source",
          header: "Source",
          className: "font-mono text-xs",
          href: (t) => (t.source?.startsWith("pay_") ? `/payments/${t.source}` : null),
          cell: (t) => t.source,
        },
        { id: "amount", header: "Amount", numeric: true, cell: (t) => formatMoney(t.amount, t.currency) },
        { id: "fee", header: "Fee", numeric: true, className: "text-slate-600", cell: (t) => formatMoney(t.fee, t.currency) },
        { id: "net", header: "Net", numeric: true, className: "font-medium", cell: (t) => formatMoney(t.net, t.currency) },
        { id: "available-on", header: "Available on", className: "text-slate-600", cell: (t) => <Time seconds={t.available_on} /> },
        { id: "id", header: "ID", className: "font-mono text-xs", cell: (t) => t.id },
      ]}
    />
  );
}

export default async function PayoutPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("payouts:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  const rec = await getPayoutReconciliation({ ctx, id }).catch((e: unknown) => {
    if (e instanceof KassaError && e.code === "resource_missing") notFound();
    throw e;
  });
  const { payout, bankAccount, settled, own } = rec;
  const total = settled.reduce((s, t) => s + t.net, 0);
  return (
    <>
      <PageHeader
        title={`Payout ${formatMoney(payout.amount, payout.currency)}`}
        description={payout.id}
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/payouts">
            All payouts
          </Link>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-y-2 text-sm" data-testid="payout-details">
            <dt className="text-slate-600">Status</dt>
            <dd>
              <PayoutStatus status={payout.status} />
            </dd>
            <dt className="text-slate-600">Type</dt>
            <dd>{payout.automatic ? "Automatic (scheduled)" : "Manual"}</dd>
            <dt className="text-slate-600">Bank account</dt>
            <dd data-testid="payout-bank-account">
              {bankAccount ? `${bankAccount.bank_name ?? "Bank"} ••••${bankAccount.last4} (${bankAccount.currency.toUpperCase()})` : payout.destination}
            </dd>
            <dt className="text-slate-600">Created</dt>
            <dd>
              <Time seconds={payout.created} />
            </dd>
            <dt className="text-slate-600">Arrival</dt>
            <dd>
              <Time seconds={payout.arrival_date} />
            </dd>
            {payout.description ? (
              <>
                <dt className="text-slate-600">Description</dt>
                <dd>{payout.description}</dd>
              </>
            ) : null}
          </dl>
          {payout.status === "failed" ? (
            <div className="mt-3">
              <Alert>
                Failed: {payout.failure_message} <code className="text-xs">{payout.failure_code}</code>. The amount is back in your available balance.
              </Alert>
            </div>
          ) : null}
          {payout.status === "pending" && can(member.role, "payouts:write") ? (
            <div className="mt-3">
              <PayoutActionForm action={cancelPayoutAction} label="Cancel payout" submit="Cancel payout" variant="danger" success="Canceled.">
                <input type="hidden" name="payout" value={payout.id} />
              </PayoutActionForm>
            </div>
          ) : null}
        </Card>
        <Card
          title="Reconciliation"
          actions={
            payout.automatic ? (
              <a className="text-sm text-brand-700 hover:underline" href={`/api/dashboard/payouts/reconciliation?payout=${payout.id}`} download>
                Export CSV
              </a>
            ) : null
          }
        >
          {payout.automatic ? (
            <>
              <p className="mb-3 text-sm text-slate-600" data-testid="reconciliation-total">
                {settled.length} balance transactions settled, net {formatMoney(total, payout.currency)} = this payout&apos;s amount.
              </p>
              <TransactionsTable rows={settled} caption="Balance transactions settled by this payout" testId="payout-reconciliation" empty="Nothing settled." />
            </>
          ) : (
            <p className="text-sm text-slate-600">
              Manual payouts are not reconciled to transactions (as at Stripe): the next automatic payout nets this one&apos;s own transaction.
            </p>
          )}
        </Card>
        <Card title="This payout's own transactions">
          <TransactionsTable rows={own} caption="The payout's own balance transactions" testId="payout-own-transactions" empty="None." />
        </Card>
      </div>
    </>
  );
}
