import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { CreatePaymentLinkForm, DeactivateLinkButton } from "@/components/dashboard/payment-links";
import { getAccount } from "@/lib/accounts/get-account";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { CURRENCIES, formatMoney } from "@/lib/money";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";

export const metadata = { title: "Payment links" };

export default async function PaymentLinksPage() {
  const member = await requireMember("payment_links:read");
  const ctx = await memberContext(member);
  const [list, account] = await Promise.all([
    listPaymentLinks({ ctx, input: { limit: "100" }, url: "/payment-links", baseUrl: await requestBaseUrl() }),
    getAccount({ ctx }),
  ]);
  const writable = can(member.role, "payment_links:write");
  return (
    <>
      <PageHeader title="Payment links" description="Share a link; every customer who opens it pays through a new checkout." />
      {writable ? (
        <div className="mb-6">
          <Card title="New payment link">
            <CreatePaymentLinkForm currencies={CURRENCIES} defaultCurrency={account.default_currency} />
          </Card>
        </div>
      ) : null}
      <Card title="Links">
        <Table
          caption="Payment links"
          testId="payment-links-table"
          scroll
          rows={list.data}
          rowKey={(l) => l.id}
          empty="No payment links yet."
          columns={[
            { id: "description", header: "Description", className: "font-medium", cell: (l) => `${l.description}${l.quantity > 1 ? ` × ${l.quantity}` : ""}` },
            {
              id: "amount",
              header: "Amount",
              numeric: true,
              align: "left",
              cell: (l) => (l.amount === null ? `Customer chooses (${l.currency.toUpperCase()})` : formatMoney(l.amount * l.quantity, l.currency)),
            },
            { id: "status", header: "Status", cell: (l) => <Badge tone={l.active ? "green" : "slate"}>{l.active ? "active" : "inactive"}</Badge> },
            {
              id: "link",
              header: "Link",
              className: "font-mono text-xs",
              cell: (l) => (
                <a className="text-brand-700 hover:underline" href={l.url}>
                  {l.url}
                </a>
              ),
            },
            { id: "created", header: "Created", className: "text-slate-600", cell: (l) => <Time seconds={l.created} /> },
            {
              id: "actions",
              header: "Actions",
              headerHidden: true,
              align: "right",
              hidden: !writable,
              cell: (l) => (l.active ? <DeactivateLinkButton id={l.id} /> : null),
            },
          ]}
        />
      </Card>
    </>
  );
}
