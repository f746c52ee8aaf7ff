import Link from "next/link";
import { notFound } from "next/navigation";
import { CustomerEditForm } from "@/components/dashboard/customer-edit-form";
import { CustomerSummary } from "@/components/dashboard/customer-summary";
import { statusTone } from "@/components/dashboard/payment-status";
import { SavedCards } from "@/components/dashboard/saved-cards";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { getCustomer } from "@/lib/customers/get-customer";
import { listCustomerPaymentMethods } from "@/lib/customers/list-payment-methods";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";
import { listPayments } from "@/lib/payments/list-payments";

export const metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("customers:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let customer: Awaited<ReturnType<typeof getCustomer>>;
  try {
    customer = await getCustomer({ ctx, id });
  } catch (error) {
    // Another merchant's, another mode's, deleted or unknown: the same 404 as the API's resource_missing.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const [cards, payments] = await Promise.all([
    listCustomerPaymentMethods({ ctx, id, input: { limit: "100" }, url: `/customers/${id}` }),
    can(member.role, "payments:read") ? listPayments({ ctx, input: { customer: id, limit: "20" }, url: `/customers/${id}` }) : null,
  ]);
  const defaultPm = customer.invoice_settings.default_payment_method;
  const defaultCard = cards.data.find((pm) => pm.id === defaultPm)?.card ?? null;
  const canWrite = can(member.role, "customers:write");
  return (
    <>
      <PageHeader
        title={customer.name ?? customer.email ?? "Unnamed customer"}
        description={customer.id}
        actions={
          <div className="flex items-center gap-4 text-sm">
            {can(member.role, "subscriptions:read") ? (
              <Link href={`/subscriptions?${new URLSearchParams({ customer: customer.id, status: "all" })}`} className="text-brand-700 hover:underline">
                Subscriptions
              </Link>
            ) : null}
            {can(member.role, "subscriptions:write") ? (
              <Link href={`/subscriptions/new?customer=${customer.id}`} className="text-brand-700 hover:underline">
                New subscription
              </Link>
            ) : null}
            <Link href="/customers" className="text-brand-700 hover:underline">
              All customers
            </Link>
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Summary">
          <CustomerSummary customer={customer} defaultCard={defaultCard} />
        </Card>
        {canWrite ? (
          <Card title="Edit details">
            <CustomerEditForm id={customer.id} initial={{ name: customer.name ?? "", email: customer.email ?? "", description: customer.description ?? "" }} />
          </Card>
        ) : null}
        <Card title="Saved cards">
          <SavedCards customer={customer.id} cards={cards.data.map((pm) => ({ id: pm.id, ...pm.card }))} defaultCard={defaultPm} canWrite={canWrite} />
        </Card>
        {payments ? (
          <Card title="Payments">
            <Table
              caption="Payments by this customer"
              testId="customer-payments"
              rows={payments.data}
              rowKey={(p) => p.id}
              empty={`No payments yet. Charge a saved card with POST /api/v1/payments { customer, payment_method, confirm: true }.`}
              columns={[
                {
                  id: "amount",
                  header: "Amount",
                  numeric: true,
                  align: "left",
                  className: "font-medium",
                  href: (p) => `/payments/${p.id}`,
                  cell: (p) => formatMoney(p.amount, p.currency),
                },
                { id: "status", header: "Status", cell: (p) => <Badge tone={statusTone(p.status)}>{p.status.replaceAll("_", " ")}</Badge> },
                {
                  id: "method",
                  header: "Method",
                  className: "capitalize text-slate-600",
                  cell: (p) => (p.payment_method_details?.card ? `${p.payment_method_details.card.brand} · ${p.payment_method_details.card.last4}` : "—"),
                },
                { id: "created", header: "Created", className: "text-slate-600", cell: (p) => <Time seconds={p.created} /> },
                { id: "id", header: "Id", className: "font-mono text-xs text-slate-500", cell: (p) => p.id },
              ]}
            />
            {payments.has_more ? (
              <p className="mt-3 text-xs text-slate-500">The 20 newest are shown; GET /api/v1/payments?customer={customer.id} lists them all.</p>
            ) : null}
          </Card>
        ) : null}
        <Card title="Metadata">
          {Object.keys(customer.metadata).length ? (
            <dl className="grid gap-2 text-sm sm:grid-cols-3" data-testid="customer-metadata">
              {Object.entries(customer.metadata).map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="break-words">{v}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-slate-500">No metadata. Set key–value pairs with the API&apos;s metadata parameter.</p>
          )}
        </Card>
      </div>
    </>
  );
}
