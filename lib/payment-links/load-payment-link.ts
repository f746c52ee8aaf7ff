import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { merchants, paymentLinks, type PaymentLinkRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { isId } from "@/lib/ids";

export const noSuchPaymentLink = (id: string) => new KassaError("resource_missing", `No such payment link: '${id}'`, { param: "id" });

export async function loadPaymentLink(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PaymentLinkRow> {
  if (!isId("paymentLink", id)) throw noSuchPaymentLink(id);
  const query = db
    .select()
    .from(paymentLinks)
    .where(and(eq(paymentLinks.id, id), eq(paymentLinks.merchantId, ctx.merchantId), eq(paymentLinks.livemode, ctx.livemode)));
  const [row] = opts.lock ? await query.for("update") : await query;
  if (!row) throw noSuchPaymentLink(id);
  return row;
}

/** The customer's side: the link id is public (it is the link), so it is looked up by id alone. */
export async function findPaymentLink(db: Executor, id: string): Promise<{ link: PaymentLinkRow; merchantName: string } | null> {
  if (!isId("paymentLink", id)) return null;
  const [row] = await db
    .select({ link: paymentLinks, merchantName: merchants.businessName })
    .from(paymentLinks)
    .innerJoin(merchants, eq(merchants.id, paymentLinks.merchantId))
    .where(eq(paymentLinks.id, id));
  return row ?? null;
}
