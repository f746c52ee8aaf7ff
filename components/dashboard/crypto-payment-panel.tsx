import { Badge, Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { TOKENS } from "@/lib/chain/tokens";
import type { PaymentChainActivity, PaymentChainTransaction } from "@/lib/payments/get-payment-chain-activity";
import { CopyButton } from "./copy-button";
import { CryptoRefundForm } from "./crypto-refund-form";
import { confirmationsLabel, shortHex, tokenAmount, type CryptoDetailsView } from "./crypto-labels";

const WATCH_TONE = { pending: "amber", confirming: "blue", confirmed: "green", expired: "slate" } as const;
const WATCH_NOTE = {
  pending: "Waiting for a transfer to the deposit address.",
  confirming: "A transfer is on chain and waiting for its confirmations.",
  confirmed: "Paid in full and confirmed.",
  expired: "Expired before it was paid in full; anything paid goes back to the sender.",
} as const;
const ESCROW_TONE = { pending: "slate", depositing: "blue", held: "amber", disputed: "red", resolving: "blue", released: "green", refunded: "slate" } as const;
const TX_TONE = { queued: "slate", signed: "blue", broadcast: "amber", mined: "green", reverted: "red", failed: "red" } as const;
const PURPOSE: Partial<Record<PaymentChainTransaction["purpose"], string>> = {
  sweep: "Sweep to treasury",
  gas: "Gas for the sweep",
  refund: "Refund",
  escrow_approve: "Escrow: approve",
  escrow_deposit: "Escrow: deposit",
  escrow_release: "Escrow: release",
  escrow_resolve: "Escrow: resolve",
};

/** A hash or address cut short, the whole of it in its title (and the cell's, for a pointer). */
function Hex({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="text-slate-500">—</span>;
  return (
    <span className="font-mono text-xs" title={value}>
      {shortHex(value)}
    </span>
  );
}

/**
 * A crypto payment's "On chain" card, rendered on the server: the token and chain, the deposit address, the
 * amounts in the token's own decimals, the watch, each transfer seen with its confirmations, the payment's
 * outgoing transactions (gas, sweep, refunds) and, for those who may, the refund form.
 */
export function CryptoPaymentPanel({
  paymentId,
  paymentStatus,
  crypto,
  activity,
  canRefund,
}: {
  paymentId: string;
  paymentStatus: string;
  crypto: CryptoDetailsView;
  activity: PaymentChainActivity;
  canRefund: boolean;
}) {
  const token = TOKENS[crypto.token];
  const amount = (units: string | null) => (units === null ? "—" : tokenAmount(units, crypto.token));
  const item = (label: string, value: React.ReactNode, testId: string) => (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  const refundable = activity.refundable !== null && BigInt(activity.refundable) > 0n ? activity.refundable : null;
  return (
    <Card title="On chain">
      <p className="mb-3 text-sm text-slate-700">{WATCH_NOTE[crypto.status]}</p>
      <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="crypto-details">
        {item("Token", `${token.symbol} (${token.name})`, "crypto-token")}
        {item("Chain id", crypto.chain_id, "crypto-chain")}
        {item("Watch", <Badge tone={WATCH_TONE[crypto.status]}>{crypto.status}</Badge>, "crypto-status")}
        {item("Confirmations required", crypto.confirmations_required, "crypto-confirmations-required")}
        <div className="sm:col-span-3">
          <dt className="text-slate-600">Deposit address</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code className="break-all font-mono text-xs" data-testid="crypto-address">
              {crypto.address}
            </code>
            <CopyButton value={crypto.address} label="Copy deposit address" />
          </dd>
        </div>
        {item("Expires", <Time seconds={crypto.expires_at} />, "crypto-expires")}
        {item("Amount asked", amount(crypto.amount), "crypto-amount")}
        {item("Received (confirmed)", amount(crypto.amount_received), "crypto-received")}
        {item("Pending", amount(crypto.amount_pending), "crypto-pending")}
        {item("Remaining", amount(crypto.amount_remaining), "crypto-remaining")}
        {item("Surplus", amount(crypto.surplus), "crypto-surplus")}
      </dl>

      {crypto.escrow ? (
        <>
          <h3 className="mb-2 mt-5 text-xs font-semibold uppercase tracking-wide text-slate-600">Escrow on chain</h3>
          <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="crypto-escrow">
            {item("Escrow status", <Badge tone={ESCROW_TONE[crypto.escrow.status] ?? "slate"}>{crypto.escrow.status}</Badge>, "crypto-escrow-status")}
            {item(
              "Release at",
              crypto.escrow.release_at !== null ? (
                <Time seconds={crypto.escrow.release_at} />
              ) : crypto.escrow.release_after_days !== null ? (
                `${crypto.escrow.release_after_days} days after confirmation`
              ) : (
                "—"
              ),
              "crypto-escrow-release-at",
            )}
            {item("Payer may dispute until", <Time seconds={crypto.escrow.dispute_until} />, "crypto-escrow-dispute-until")}
            {item("Payer", <Hex value={crypto.escrow.payer} />, "crypto-escrow-payer")}
            {item("Escrow contract", <Hex value={crypto.escrow.contract} />, "crypto-escrow-contract")}
            {item("Deposit id in the contract", crypto.escrow.deposit_id ?? "—", "crypto-escrow-deposit-id")}
          </dl>
        </>
      ) : null}

      <h3 className="mb-2 mt-5 text-xs font-semibold uppercase tracking-wide text-slate-600">Transfers in</h3>
      <Table
        caption="Transfers to the deposit address"
        testId="crypto-transfers"
        density="compact"
        scroll
        rows={crypto.transfers}
        rowKey={(t) => `${t.tx_hash}-${t.log_index ?? "eth"}`}
        empty="No transfer to this address seen yet."
        columns={[
          { id: "hash", header: "Transaction", cell: (t) => <Hex value={t.tx_hash} /> },
          { id: "from", header: "From", cell: (t) => <Hex value={t.from} /> },
          { id: "block", header: "Block", numeric: true, cell: (t) => t.block_number },
          { id: "amount", header: "Amount", numeric: true, cell: (t) => amount(t.amount) },
          {
            id: "confirmations",
            header: "Confirmations",
            className: "text-slate-700",
            cell: (t) => confirmationsLabel(t.confirmations, crypto.confirmations_required),
          },
        ]}
      />

      <h3 className="mb-2 mt-5 text-xs font-semibold uppercase tracking-wide text-slate-600">Outgoing transactions</h3>
      <Table<PaymentChainTransaction>
        caption="Outgoing transactions"
        testId="crypto-outgoing"
        density="compact"
        scroll
        rowAlign="top"
        rows={activity.transactions}
        rowKey={(t) => t.id}
        rowData={(t) => ({ "data-purpose": t.purpose, "data-status": t.status })}
        empty="None yet: once paid, the deposit is swept to your treasury, and refunds leave from there."
        columns={[
          {
            id: "purpose",
            header: "Purpose",
            cell: (t) => PURPOSE[t.purpose] ?? t.purpose.replaceAll("_", " "),
            detail: (t) => (t.refund ? <span className="font-mono text-xs text-slate-600">{t.refund}</span> : null),
          },
          { id: "status", header: "Status", cell: (t) => <Badge tone={TX_TONE[t.status]}>{t.status}</Badge> },
          { id: "amount", header: "Amount", numeric: true, cell: (t) => (t.amount === null ? "—" : tokenAmount(t.amount, t.token)) },
          { id: "to", header: "To", cell: (t) => <Hex value={t.to} /> },
          { id: "hash", header: "Transaction", cell: (t) => <Hex value={t.tx_hash} /> },
          { id: "nonce", header: "Nonce", numeric: true, cell: (t) => t.nonce ?? "—" },
          { id: "block", header: "Block", numeric: true, cell: (t) => t.block_number ?? "—" },
          {
            id: "error",
            header: "Last error",
            className: "max-w-xs text-xs text-red-700",
            cell: (t) => t.last_error ?? <span className="text-slate-500">—</span>,
          },
        ]}
      />

      {canRefund && paymentStatus === "succeeded" && refundable ? (
        <div className="mt-5 border-t border-slate-100 pt-4">
          <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Refund on chain</h3>
          <CryptoRefundForm id={paymentId} token={crypto.token} symbol={token.symbol} chainId={crypto.chain_id} refundable={refundable} />
        </div>
      ) : null}
    </Card>
  );
}
