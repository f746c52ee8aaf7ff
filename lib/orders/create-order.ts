import { orders } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { newId } from "@/lib/ids";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { assertPaymentMethodKnown, connectorNameFor } from "@/lib/payments/connector";
import { CreateOrderInput } from "./inputs";
import { activeFulfillmentHook } from "./load-fulfillment-hook";
import { serializeOrder, type OrderObject } from "./serialize-order";

/**
 * POST /api/v1/orders — records the order (`initiated`) and, in the same commit, the event that starts
 * its saga (inngest/functions/order-saga.ts): authorise → reserve at the merchant → capture → confirm.
 */
export async function createOrder({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<OrderObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(CreateOrderInput, input);
  const amount = checkChargeAmount(data.amount, data.currency);
  const sum = data.items.reduce((total, item) => total + BigInt(item.amount), 0n);
  if (sum !== amount) {
    throw new KassaError("parameter_invalid", `The items' amounts add up to ${sum}, not the order's amount ${amount}.`, { param: "items" });
  }
  if (data.payment_method === "upi") {
    throw new KassaError("payment_method_unsupported", "An order is authorised and captured later: use a card payment method.", { param: "payment_method" });
  }
  assertPaymentMethodKnown(connectorNameFor(ctx), data.payment_method);
  return commit(
    ctx,
    async (tx, changes) => {
      const hook = await activeFulfillmentHook(tx, ctx);
      const [row] = await tx
        .insert(orders)
        .values({
          id: newId("order"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          amount,
          currency: data.currency,
          paymentMethod: data.payment_method,
          items: data.items,
          metadata: data.metadata ?? {},
          hookId: hook?.id ?? null,
        })
        .returning();
      const order = serializeOrder(row!);
      changes.audit({ action: "order.created", targetType: "order", targetId: row!.id, metadata: { amount: Number(amount), currency: data.currency } });
      changes.event("order.created", order);
      declareInternalEvent(changes, INTERNAL_EVENTS.orderStarted, { order: row!.id, merchant: ctx.merchantId, livemode: String(ctx.livemode) });
      return order;
    },
    { respond: (order) => order },
  );
}
