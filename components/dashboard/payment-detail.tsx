"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { PaymentActions } from "@/components/dashboard/payment-actions";
import { statusTone } from "@/components/dashboard/payment-status";
import { Alert, Badge, Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { formatMoney } from "@/lib/money";
import type { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import { dashboardFetch, paymentKey } from "@/lib/query/dashboard-fetch";
import { UpiPanelCard } from "@/components/dashboard/upi-panel";
import { cryptoOf, cryptoRefunded, refundAmount, shortHex, tokenAmount } from "@/components/dashboard/crypto-labels";

export type PaymentView = Awaited<ReturnType<typeof getPaymentTimeline>>;

/**
 * The payment page's body. The server renders it with the view it read; React Query keeps it fresh:
 * an action that succeeds invalidates the payment's key and the page refetches without a reload.
 */
export function PaymentDetail({
  initial,
  canWrite,
  canRefund,
  onChain,
}: {
  initial: PaymentView;
  canWrite: boolean;
  canRefund: boolean;
  /** A crypto payment's On chain card (server-rendered), shown under the summary. */
  onChain?: React.ReactNode;
}) {
  const id = initial.payment.id;
  const client = useQueryClient();
  const {
    data: view,
    error,
    isFetching,
  } = useQuery({ queryKey: paymentKey(id), queryFn: () => dashboardFetch<PaymentView>(`/api/dashboard/payments/${id}`), initialData: initial });
  const p = view.payment;
  const money = (n: number) => formatMoney(n, p.currency);
  const card = p.payment_method_details?.card;
  // A crypto payment's fiat amounts are 0: what it received and refunded are token amounts.
  const crypto = cryptoOf(p);
  return (
    <div className="space-y-6" aria-busy={isFetching}>
      {error ? <Alert>Could not refresh this payment: {error.message}. The figures below may be out of date.</Alert> : null}
      <Card title="Summary">
        <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="payment-summary">
          <div>
            <dt className="text-slate-600">Status</dt>
            <dd>
              <Badge tone={statusTone(p.status)}>{p.status}</Badge>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Received</dt>
            <dd data-testid="amount-received">{crypto ? tokenAmount(crypto.amount_received, crypto.token) : money(p.amount_received)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Refunded</dt>
            <dd data-testid="amount-refunded">{crypto ? tokenAmount(cryptoRefunded(view.refunds), crypto.token) : money(p.amount_refunded)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Fee</dt>
            <dd>{money(p.fee)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Method</dt>
            <dd>
              {card
                ? `${card.brand} · ${card.last4}`
                : crypto
                  ? `${crypto.token.toUpperCase()} on chain ${crypto.chain_id}`
                  : p.payment_method === "upi"
                    ? "UPI"
                    : p.payment_method === "paypal"
                      ? `PayPal${p.payment_method_details?.paypal?.payer_email ? ` · ${p.payment_method_details.paypal.payer_email}` : ""}`
                      : (p.payment_method ?? "—")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Capture</dt>
            <dd>
              {p.capture_method}
              {p.amount_capturable ? ` (${money(p.amount_capturable)} held)` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Customer</dt>
            <dd>{p.customer ?? p.receipt_email ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Created</dt>
            <dd>
              <Time seconds={p.created} />
            </dd>
          </div>
        </dl>
        {p.last_payment_error ? (
          <p role="note" className="mt-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            Last attempt declined: {p.last_payment_error.code}
            {p.last_payment_error.decline_code ? ` / ${p.last_payment_error.decline_code}` : ""} — {p.last_payment_error.message}
          </p>
        ) : null}
        <div className="mt-4">
          <PaymentActions
            id={p.id}
            currency={p.currency}
            capturable={money(p.amount_capturable)}
            refundable={money(view.refundable)}
            canCapture={p.status === "requires_capture" && canWrite}
            canCancel={["requires_payment_method", "requires_confirmation", "requires_action", "requires_capture"].includes(p.status) && canWrite}
            canRefund={p.status === "succeeded" && view.refundable > 0 && canRefund}
            onDone={() => client.invalidateQueries({ queryKey: paymentKey(id) })}
          />
        </div>
      </Card>
      {onChain}
      {view.upi ? <UpiPanelCard upi={view.upi} /> : null}
      <Card title="Timeline">
        <ol className="space-y-2 text-sm" data-testid="timeline">
          {view.timeline.map((t) => (
            <li key={`${t.kind}-${t.ref}-${t.at}`} className="flex gap-3" data-kind={t.kind}>
              <span className="w-40 shrink-0 text-slate-600">
                {t.kind === "upi" ? (
                  // UPI status checks come seconds apart: their lines show the seconds.
                  <time dateTime={new Date(t.at).toISOString()}>{new Date(t.at).toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                ) : (
                  <Time seconds={Math.floor(t.at / 1000)} />
                )}
              </span>
              <span className="w-16 shrink-0 text-xs uppercase tracking-wide text-slate-600">{t.kind}</span>
              <span>
                <span className="text-slate-800">{t.title}</span>
                {t.detail ? <span className="block text-xs text-slate-600">{t.detail}</span> : null}
                {t.kind === "webhook" ? (
                  <Link className="block text-xs text-brand-700 hover:underline" href={`/developers/webhooks/${t.ref}`}>
                    delivery log
                  </Link>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      </Card>
      {view.refunds.length ? (
        <Card title="Refunds">
          <ul className="divide-y divide-slate-100 text-sm" data-testid="refunds">
            {view.refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-x-4 py-2" data-refund-id={r.id}>
                <span className="font-mono text-xs">{r.id}</span>
                <span>
                  {refundAmount(r)} · {r.status}
                  {r.reason ? ` · ${r.reason}` : ""}
                  {r.crypto ? (
                    <span className="block text-right text-xs text-slate-600">
                      to{" "}
                      <span title={r.crypto.address} className="font-mono">
                        {shortHex(r.crypto.address)}
                      </span>
                      {" · "}
                      {r.crypto.tx_hash ? (
                        <span title={r.crypto.tx_hash} className="font-mono" data-testid="refund-tx-hash">
                          {shortHex(r.crypto.tx_hash)}
                        </span>
                      ) : r.status === "failed" ? (
                        "never sent"
                      ) : (
                        "not sent yet"
                      )}
                    </span>
                  ) : null}
                  {r.failure_reason ? <span className="block text-right text-xs text-red-700">{r.failure_reason}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="Ledger">
        <Table
          caption="Ledger lines"
          testId="ledger"
          density="compact"
          rows={view.ledger}
          rowKey={(l, i) => `${l.entry}-${i}`}
          empty="Nothing posted: money moves in the ledger when a payment is captured or refunded."
          columns={[
            { id: "entry", header: "Entry", className: "text-slate-700", cell: (l) => l.type },
            { id: "account", header: "Account", className: "font-mono text-xs", cell: (l) => l.account },
            { id: "debit", header: "Debit", numeric: true, cell: (l) => (l.amount > 0 ? formatMoney(l.amount, l.currency) : "") },
            { id: "credit", header: "Credit", numeric: true, cell: (l) => (l.amount < 0 ? formatMoney(-l.amount, l.currency) : "") },
          ]}
        />
      </Card>
      <Card title="Metadata and API object">
        {Object.keys(p.metadata).length ? (
          <dl className="mb-3 grid gap-2 text-sm sm:grid-cols-3" data-testid="metadata">
            {Object.entries(p.metadata).map(([k, v]) => (
              <div key={k}>
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mb-3 text-sm text-slate-600">
            No metadata. Set it with <span className="font-mono text-xs">metadata</span> when creating the payment.
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">Raw JSON</summary>
          <pre
            tabIndex={0}
            aria-label="Payment as JSON"
            className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
            data-testid="raw-json"
          >
            {JSON.stringify(p, null, 2)}
          </pre>
        </details>
      </Card>
    </div>
  );
}
