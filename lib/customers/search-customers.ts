import { and, eq, ilike, inArray, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { customers, paymentMethods } from "@/db/schema";
import { listParams, paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { serializeCustomer, serializePaymentMethod, type CustomerObject, type PaymentMethodObject } from "./serialize";

export const SearchCustomersQuery = z.strictObject({
  ...listParams,
  /** Part of an email, a name or an id, case-insensitive. */
  query: z.string().trim().max(254).optional(),
});

export interface CustomerListRow {
  customer: CustomerObject;
  /** The default saved card's display details, if the customer has one. */
  default_card: PaymentMethodObject["card"] | null;
}

/** `%`, `_` and `\` are LIKE wildcards: a search for "a_b" means those three characters. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The dashboard's customer list: newest first with cursors (as GET /api/v1/customers), narrowed by a
 * search over email, name and id, each row with its default card (one extra query per page).
 */
export async function searchCustomers({ ctx, input, url }: { ctx: ServiceContext; input: unknown; url: string }) {
  requirePermission(ctx, "customers:read");
  const q = parseWith(SearchCustomersQuery, input);
  const db = await executor(ctx);
  const like = q.query ? `%${escapeLike(q.query)}%` : undefined;
  const page = await paginate({
    db,
    table: customers,
    id: customers.id,
    where: and(
      eq(customers.merchantId, ctx.merchantId),
      eq(customers.livemode, ctx.livemode),
      isNull(customers.deletedAt),
      like ? or(ilike(customers.email, like), ilike(customers.name, like), ilike(customers.id, like)) : undefined,
    ),
    params: q,
    url,
    serialize: serializeCustomer,
  });
  const defaults = page.data.map((c) => c.invoice_settings.default_payment_method).filter((id): id is string => id !== null);
  const cards = defaults.length
    ? await db
        .select()
        .from(paymentMethods)
        .where(and(eq(paymentMethods.merchantId, ctx.merchantId), eq(paymentMethods.livemode, ctx.livemode), inArray(paymentMethods.id, defaults)))
    : [];
  const byId = new Map(cards.map((pm) => [pm.id, serializePaymentMethod(pm).card]));
  const data: CustomerListRow[] = page.data.map((customer) => ({
    customer,
    default_card: byId.get(customer.invoice_settings.default_payment_method ?? "") ?? null,
  }));
  return { ...page, data, query: q.query ?? "" };
}
