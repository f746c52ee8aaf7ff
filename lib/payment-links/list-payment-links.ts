import { and, eq } from "drizzle-orm";
import { paymentLinks, type PaymentLinkRow } from "@/db/schema";
import { paginate } from "@/lib/service/pagination";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { ListPaymentLinksQuery } from "./inputs";
import { serializePaymentLink } from "./serialize-payment-link";

/** GET /api/v1/payment_links — newest first; `active=true|false` filters. */
export async function listPaymentLinks({ ctx, input, url, baseUrl }: { ctx: ServiceContext; input: unknown; url: string; baseUrl?: string }) {
  requirePermission(ctx, "payment_links:read");
  const q = parseWith(ListPaymentLinksQuery, input ?? {});
  return paginate({
    db: await executor(ctx),
    table: paymentLinks,
    id: paymentLinks.id,
    where: and(
      eq(paymentLinks.merchantId, ctx.merchantId),
      eq(paymentLinks.livemode, ctx.livemode),
      q.active ? eq(paymentLinks.active, q.active === "true") : undefined,
    ),
    params: q,
    url,
    serialize: (row: PaymentLinkRow) => serializePaymentLink(row, baseUrl),
  });
}
