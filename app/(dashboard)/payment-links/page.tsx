import { Badge, Card, PageHeader } from "@/components/ui/card";
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
          <Card title="New payment link"><CreatePaymentLinkForm currencies={CURRENCIES} defaultCurrency={account.default_currency} /></Card>
        </div>
      ) : null}
      <Card title="Links">
        {list.data.length === 0 ? (
          <p className="text-sm text-slate-600">No payment links yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="payment-links-table">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr><th className="py-2 font-medium">Description</th><th className="py-2 font-medium">Amount</th><th className="py-2 font-medium">Status</th><th className="py-2 font-medium">Link</th><th className="py-2 font-medium">Created</th><th className="py-2" /></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.map((l) => (
                  <tr key={l.id}>
                    <td className="py-2 font-medium">{l.description}{l.quantity > 1 ? ` × ${l.quantity}` : ""}</td>
                    <td className="py-2">{l.amount === null ? `Customer chooses (${l.currency.toUpperCase()})` : formatMoney(l.amount * l.quantity, l.currency)}</td>
                    <td className="py-2"><Badge tone={l.active ? "green" : "slate"}>{l.active ? "active" : "inactive"}</Badge></td>
                    <td className="py-2 font-mono text-xs"><a className="text-brand-700 hover:underline" href={l.url}>{l.url}</a></td>
                    <td className="py-2 text-slate-600"><Time seconds={l.created} /></td>
                    <td className="py-2 text-right">{writable && l.active ? <DeactivateLinkButton id={l.id} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
