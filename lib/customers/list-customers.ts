import { and, eq, isNull } from "drizzle-orm";
import { customers } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListCustomersQuery } from "./inputs";
import { serializeCustomer } from "./serialize";

/** GET /api/v1/customers — newest first, cursor pages, optionally by exact email. */
export async function listCustomers({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "customers:read");
  const q = parseWith(ListCustomersQuery, input);
  return paginate({
    db: await executor(ctx),
    table: customers,
    id: customers.id,
    where: and(
      eq(customers.merchantId, ctx.merchantId),
      eq(customers.livemode, ctx.livemode),
      isNull(customers.deletedAt),
      q.email ? eq(customers.email, q.email) : undefined,
    ),
    params: q,
    url,
    serialize: serializeCustomer,
  });
}
