import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ActiveToggle, AddPriceForm } from "@/components/dashboard/products";
import { priceLabel } from "@/components/dashboard/price-label";
import { getAccount } from "@/lib/accounts/get-account";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { CURRENCIES } from "@/lib/money";
import { getProduct } from "@/lib/products/get-product";
import { listPrices } from "@/lib/products/list-prices";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Product" };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("products:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let product: Awaited<ReturnType<typeof getProduct>>;
  try {
    product = await getProduct({ ctx, id });
  } catch (error) {
    // Another merchant's, another mode's or unknown: the same 404 as the API's resource_missing.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const [list, account] = await Promise.all([listPrices({ ctx, input: { product: id, limit: "100" }, url: `/products/${id}` }), getAccount({ ctx })]);
  const writable = can(member.role, "products:write");
  return (
    <>
      <PageHeader
        title={product.name}
        description={product.id}
        actions={
          <div className="flex items-center gap-3">
            <Badge tone={product.active ? "green" : "slate"}>{product.active ? "active" : "archived"}</Badge>
            {writable ? <ActiveToggle kind="product" id={product.id} product={product.id} active={product.active} label={product.name} /> : null}
            <Link href="/products" className="text-sm text-brand-700 hover:underline">
              All products
            </Link>
          </div>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Description</dt>
              <dd className="text-slate-900">{product.description ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Created</dt>
              <dd className="text-slate-900">
                <Time seconds={product.created} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Default price</dt>
              <dd className="font-mono text-xs text-slate-900">{product.default_price ?? "—"}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Prices">
          <Table
            caption="Prices"
            testId="prices-table"
            rows={list.data}
            rowKey={(p) => p.id}
            empty={<p className="py-6 text-center text-sm text-slate-500">No prices yet.</p>}
            columns={[
              { id: "amount", header: "Price", numeric: true, align: "left", className: "font-medium", cell: (p) => priceLabel(p) },
              { id: "type", header: "Type", cell: (p) => (p.type === "recurring" ? "Recurring" : "One-off") },
              { id: "nickname", header: "Nickname", className: "text-slate-600", cell: (p) => p.nickname ?? "—" },
              {
                id: "status",
                header: "Status",
                cell: (p) => (
                  <span className="flex gap-1">
                    <Badge tone={p.active ? "green" : "slate"}>{p.active ? "active" : "archived"}</Badge>
                    {p.id === product.default_price ? <Badge tone="blue">default</Badge> : null}
                  </span>
                ),
              },
              { id: "created", header: "Created", className: "text-slate-600", cell: (p) => <Time seconds={p.created} /> },
              { id: "id", header: "Id", className: "font-mono text-xs text-slate-500", cell: (p) => p.id },
              {
                id: "actions",
                header: "Actions",
                headerHidden: true,
                align: "right",
                hidden: !writable,
                cell: (p) => <ActiveToggle kind="price" id={p.id} product={product.id} active={p.active} label={`price ${priceLabel(p)}`} />,
              },
            ]}
          />
        </Card>
        {writable && product.active ? (
          <Card title="Add a price">
            <AddPriceForm product={product.id} currencies={CURRENCIES} defaultCurrency={account.default_currency} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
