import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { cardLabel } from "@/components/dashboard/card-label";
import { priceLabel } from "@/components/dashboard/price-label";
import { NewSubscriptionForm } from "@/components/dashboard/subscriptions";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { searchCustomers } from "@/lib/customers/search-customers";
import { listPrices } from "@/lib/products/list-prices";
import { namesFor } from "../names";

export const metadata = { title: "New subscription" };

export default async function NewSubscriptionPage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  const member = await requireMember("subscriptions:write");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const [customers, prices, names] = await Promise.all([
    searchCustomers({ ctx, input: { limit: "100" }, url: "/subscriptions/new" }),
    listPrices({ ctx, input: { type: "recurring", active: "true", limit: "100" }, url: "/subscriptions/new" }),
    namesFor(ctx, { allProducts: true }),
  ]);
  const customerChoices = customers.data.map(({ customer: c, default_card }) => ({
    value: c.id,
    label: `${c.name ?? c.email ?? c.id}${c.name && c.email ? ` · ${c.email}` : ""} — ${default_card ? cardLabel(default_card) : "no card"}`,
  }));
  // A customer named in the URL (from their page) is offered even when older than the newest 100.
  const preselected = sp.customer && customerChoices.some((c) => c.value === sp.customer) ? sp.customer : undefined;
  const priceChoices = prices.data.map((p) => ({
    value: p.id,
    label: `${names.product(p.product)}${p.nickname ? ` (${p.nickname})` : ""} — ${priceLabel(p)}`,
  }));
  return (
    <>
      <PageHeader
        title="New subscription"
        description={`Subscribe a customer to a recurring price, ${ctx.livemode ? "live" : "test"} mode. Without a trial the first period is invoiced and charged to the customer's default card at once.`}
        actions={
          <Link href="/subscriptions" className="text-sm text-brand-700 hover:underline">
            All subscriptions
          </Link>
        }
      />
      <Card>
        {customerChoices.length === 0 || priceChoices.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="new-subscription-missing">
            {customerChoices.length === 0 ? "There are no customers yet: create one (POST /api/v1/customers) and save a card for them. " : ""}
            {priceChoices.length === 0 ? (
              <>
                There is no active recurring price yet:{" "}
                <Link className="text-brand-700 underline" href="/products">
                  add a product with a recurring price
                </Link>
                .
              </>
            ) : null}
          </p>
        ) : (
          <NewSubscriptionForm customers={customerChoices} prices={priceChoices} {...(preselected ? { defaultCustomer: preselected } : {})} />
        )}
      </Card>
    </>
  );
}
