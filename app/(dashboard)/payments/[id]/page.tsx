import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptRouting } from "@/components/dashboard/attempt-routing";
import { CustomerSummary } from "@/components/dashboard/customer-summary";
import { CryptoPaymentPanel } from "@/components/dashboard/crypto-payment-panel";
import { cryptoOf } from "@/components/dashboard/crypto-labels";
import { RefreshWhile } from "@/components/dashboard/refresh-while";
import { DisputeNotice } from "@/components/dashboard/dispute-status";
import { EscrowPanel } from "@/components/dashboard/escrow-panel";
import { PaymentDetail } from "@/components/dashboard/payment-detail";
import { QueryProvider } from "@/components/dashboard/query-provider";
import { Card, PageHeader } from "@/components/ui/card";
import { getCustomer } from "@/lib/customers/get-customer";
import { getPaymentMethod } from "@/lib/customers/list-payment-methods";
import { listDisputes } from "@/lib/disputes/list-disputes";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";
import { getPaymentChainActivity } from "@/lib/payments/get-payment-chain-activity";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import { listPaymentRouting } from "@/lib/routing/list-payment-routing";

export const metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let view: Awaited<ReturnType<typeof getPaymentTimeline>>;
  try {
    view = await getPaymentTimeline({ ctx, id });
  } catch (error) {
    // Another merchant's (or the other mode's) payment is simply not there.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const p = view.payment;
  const crypto = cryptoOf(p);
  const [customer, disputes, attempts, chain] = await Promise.all([
    p.customer && can(member.role, "customers:read") ? customerWithCard(ctx, p.customer) : null,
    can(member.role, "disputes:read") ? listDisputes({ ctx, input: { payment: p.id, limit: "10" }, url: `/payments/${p.id}` }) : null,
    listPaymentRouting({ ctx, paymentId: p.id }),
    crypto ? getPaymentChainActivity({ ctx, paymentId: p.id }) : null,
  ]);
  // Re-read every few seconds while the chain still has something to show: confirmations, a transaction on its way.
  const moving =
    !!crypto &&
    ((p.status === "requires_action" && (crypto.status === "pending" || crypto.status === "confirming")) ||
      view.refunds.some((r) => r.status === "pending") ||
      !!chain?.transactions.some((t) => t.status === "queued" || t.status === "signed" || t.status === "broadcast"));
  const now = Date.now();
  return (
    <>
      <PageHeader
        title={formatMoney(p.payment_method_details?.type === "crypto" ? BigInt(p.payment_method_details.crypto.amount) : p.amount, p.currency)}
        description={p.id}
        actions={
          <div className="flex gap-4">
            {can(member.role, "request_logs:read") ? (
              <Link href={`/developers/logs?object=${p.id}`} className="text-sm text-brand-700 hover:underline">
                Requests
              </Link>
            ) : null}
            <Link href="/payments" className="text-sm text-brand-700 hover:underline">
              All payments
            </Link>
          </div>
        }
      />
      {disputes?.data.length ? (
        <div className="mb-4 space-y-2">
          {disputes.data.map((d) => (
            <DisputeNotice key={d.id} dispute={d} now={now} />
          ))}
        </div>
      ) : null}
      {customer ? (
        <div className="mb-6">
          <Card title="Customer">
            <CustomerSummary customer={customer.customer} defaultCard={customer.defaultCard} link />
          </Card>
        </div>
      ) : null}
      {p.escrow ? (
        <div className="mb-6">
          <EscrowPanel id={p.id} escrow={p.escrow} net={formatMoney(p.escrow.net, p.currency)} canRelease={can(member.role, "payments:write")} />
        </div>
      ) : null}
      {attempts.length ? (
        <div className="mb-6">
          <Card title="Connector">
            <AttemptRouting attempts={attempts} />
          </Card>
        </div>
      ) : null}
      {/* React Query only here, its one user: the other dashboard pages do not download it. */}
      <QueryProvider>
        <PaymentDetail
          initial={view}
          canWrite={can(member.role, "payments:write")}
          canRefund={can(member.role, "refunds:write")}
          onChain={
            crypto && chain ? (
              <CryptoPaymentPanel paymentId={p.id} paymentStatus={p.status} crypto={crypto} activity={chain} canRefund={can(member.role, "refunds:write")} />
            ) : null
          }
        />
        {crypto ? <RefreshWhile active={moving} paymentId={p.id} /> : null}
      </QueryProvider>
    </>
  );
}

/** The payment's customer and their default card; a deleted customer is simply not shown. */
async function customerWithCard(ctx: Awaited<ReturnType<typeof memberContext>>, id: string) {
  try {
    const customer = await getCustomer({ ctx, id });
    const pm = customer.invoice_settings.default_payment_method;
    const defaultCard = pm ? ((await getPaymentMethod({ ctx, id: pm }).catch(() => null))?.card ?? null) : null;
    return { customer, defaultCard };
  } catch (error) {
    if (error instanceof KassaError && error.code === "resource_missing") return null;
    throw error;
  }
}
