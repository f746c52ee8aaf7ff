import { and, eq } from "drizzle-orm";
import { products } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListProductsQuery } from "./inputs";
import { serializeProduct } from "./serialize";

/** GET /api/v1/products — newest first, cursor pages; `active=true|false` filters. */
export async function listProducts({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "products:read");
  const q = parseWith(ListProductsQuery, input ?? {});
  return paginate({
    db: await executor(ctx),
    table: products,
    id: products.id,
    where: and(eq(products.merchantId, ctx.merchantId), eq(products.livemode, ctx.livemode), q.active ? eq(products.active, q.active === "true") : undefined),
    params: q,
    url,
    serialize: serializeProduct,
  });
}
