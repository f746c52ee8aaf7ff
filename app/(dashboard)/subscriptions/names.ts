import { getCustomer } from "@/lib/customers/get-customer";
import { getProduct } from "@/lib/products/get-product";
import { listProducts } from "@/lib/products/list-products";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/**
 * Customers' and products' names for a page of subscriptions or invoices: one small read by primary key per
 * distinct id (at most a page's worth); a deleted customer keeps its id. `allProducts` reads the newest 100
 * products in one query first (for a price picker).
 */
export async function namesFor(ctx: ServiceContext, ids: { customers?: Iterable<string>; products?: Iterable<string>; allProducts?: boolean }) {
  const missing = (error: unknown) => {
    if (error instanceof KassaError && error.code === "resource_missing") return null;
    throw error;
  };
  const listed = ids.allProducts ? (await listProducts({ ctx, input: { limit: "100" }, url: "/products" })).data : [];
  const known = new Set(listed.map((p) => p.id));
  const [customers, products] = await Promise.all([
    Promise.all([...new Set(ids.customers ?? [])].map(async (id) => [id, await getCustomer({ ctx, id }).catch(missing)] as const)),
    Promise.all([...new Set(ids.products ?? [])].filter((id) => !known.has(id)).map(async (id) => [id, await getProduct({ ctx, id }).catch(missing)] as const)),
  ]);
  const customerById = new Map(customers);
  const productById = new Map([...listed.map((p) => [p.id, p] as const), ...products]);
  return {
    customer: (id: string) => {
      const c = customerById.get(id);
      return { name: c?.name ?? c?.email ?? id, email: c?.email ?? null };
    },
    product: (id: string) => productById.get(id)?.name ?? id,
  };
}
