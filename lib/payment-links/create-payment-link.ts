import { paymentLinks, type PaymentLinkRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commitWrites } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { isCurrency } from "@/lib/money";
import { KassaError } from "@/lib/service/errors";
import { CreatePaymentLinkInput } from "./inputs";
import { serializePaymentLink, type PaymentLinkObject } from "./serialize-payment-link";

/** POST /api/v1/payment_links — a reusable link; each visit is a new checkout session and payment. */
export async function createPaymentLink({ ctx, input, baseUrl }: { ctx: ServiceContext; input: unknown; baseUrl?: string }): Promise<PaymentLinkObject> {
  requirePermission(ctx, "payment_links:write");
  const data = parseWith(CreatePaymentLinkInput, input);
  const quantity = data.quantity ?? 1;
  if (data.amount !== undefined) checkChargeAmount(BigInt(data.amount) * BigInt(quantity), data.currency);
  else if (!isCurrency(data.currency)) throw new KassaError("currency_unsupported", `Invalid currency: ${data.currency}.`, { param: "currency" });
  const now = new Date();
  const row: PaymentLinkRow = {
    id: newId("paymentLink"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    active: true,
    amount: data.amount === undefined ? null : BigInt(data.amount),
    currency: data.currency,
    description: data.description,
    quantity,
    successUrl: data.success_url ?? null,
    metadata: data.metadata ?? {},
    createdAt: now,
    updatedAt: now,
  };
  const object = serializePaymentLink(row, baseUrl);
  await commitWrites(ctx, await executor(ctx), (db, changes) => {
    changes.audit({ action: "payment_link.created", targetType: "payment_link", targetId: row.id });
    changes.event("payment_link.created", object);
    return [db.insert(paymentLinks).values(row)];
  });
  return object;
}
