import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { CreateProductForm } from "@/components/dashboard/products";
import { priceLabel } from "@/components/dashboard/price-label";
import { getAccount } from "@/lib/accounts/get-account";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { CURRENCIES } from "@/lib/money";
import { getPrice } from "@/lib/products/get-price";
import { listProducts } from "@/lib/products/list-products";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Products" };

type Search = { starting_after?: string; ending_before?: string };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember("products:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const cursor = sp.starting_after ? { starting_after: sp.starting_after } : sp.ending_before ? { ending_before: sp.ending_before } : {};
  const [list, account] = await Promise.all([
    listProducts({ ctx, input: { limit: "25", ...cursor }, url: "/products" }).catch((error: unknown) => {
      if (error instanceof KassaError) notFound(); // a malformed cursor in the URL
      throw error;
    }),
    getAccount({ ctx }),
  ]);
  // Each product's default price, for its amount (at most 25 small reads by primary key).
  const rows = await Promise.all(
    list.data.map(async (product) => ({ product, price: product.default_price ? await getPrice({ ctx, id: product.default_price }) : null })),
  );
  const writable = can(member.role, "products:write");
  const newer = Boolean(sp.starting_after) || (Boolean(sp.ending_before) && list.has_more);
  const older = sp.ending_before ? true : list.has_more;
  return (
    <>
      <PageHeader title="Products" description={`What you sell and its prices, newest first, ${ctx.livemode ? "live" : "test"} mode.`} />
      {writable ? (
        <div className="mb-6">
          <Card title="New product">
            <CreateProductForm currencies={CURRENCIES} defaultCurrency={account.default_currency} />
          </Card>
        </div>
      ) : null}
      <Card title="Products">
        <Table
          caption="Products"
          testId="products-table"
          rows={rows}
          rowKey={({ product }) => product.id}
          empty={
            <div className="py-10 text-center text-sm" data-testid="products-empty">
              <p className="text-base font-semibold text-slate-800">No products yet</p>
              <p className="mx-auto mt-1 max-w-md text-slate-500">A product has prices: one-off, or recurring for subscriptions.</p>
              <pre className="mx-auto mt-4 max-w-md whitespace-pre-wrap break-words rounded bg-slate-900 p-3 text-left text-xs text-slate-100">{`POST /api/v1/products
{ "name": "Gym membership",
  "default_price_data": {
    "currency": "usd", "unit_amount": 2500,
    "recurring": { "interval": "month" } } }`}</pre>
            </div>
          }
          columns={[
            { id: "name", header: "Name", className: "font-medium", href: ({ product }) => `/products/${product.id}`, cell: ({ product }) => product.name },
            { id: "price", header: "Default price", numeric: true, align: "left", cell: ({ price }) => (price ? priceLabel(price) : "—") },
            {
              id: "status",
              header: "Status",
              cell: ({ product }) => <Badge tone={product.active ? "green" : "slate"}>{product.active ? "active" : "archived"}</Badge>,
            },
            { id: "created", header: "Created", className: "text-slate-600", cell: ({ product }) => <Time seconds={product.created} /> },
            { id: "id", header: "Id", className: "font-mono text-xs text-slate-500", cell: ({ product }) => product.id },
          ]}
        />
        {list.data.length > 0 && (newer || older) ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {newer ? (
              <Link className="text-brand-700 hover:underline" href={`/products?ending_before=${list.data[0]!.id}`}>
                Newer products
              </Link>
            ) : null}
            {older ? (
              <Link className="text-brand-700 hover:underline" href={`/products?starting_after=${list.data.at(-1)!.id}`}>
                Older products
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
