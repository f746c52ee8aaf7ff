import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { recoveryOf } from "@/lib/service/recovery";
import { commit, commitWrites } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { aroundSideEffect } from "@/lib/failpoints";
import { KassaError } from "@/lib/service/errors";
import { AttachPaymentMethodInput } from "./inputs";
import { findPaymentMethod, loadCustomer, noSuchPaymentMethod, sameTenant } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { recordCardIn } from "./record-card";
import { serializePaymentMethod, type PaymentMethodObject } from "./serialize";

const POINT = "attach_sent";

/**
 * POST /api/v1/payment_methods/:id/attach { customer } — a token (pm_card_visa, Stripe.js's pm_…) or a
 * detached saved card becomes the customer's. As at Stripe, a test token becomes a new saved card with
 * its own id. Another merchant's customer or card is "not found".
 */
export async function attachPaymentMethod({ ctx, id, input }: { ctx: ServiceContext; id: string; input: unknown }): Promise<PaymentMethodObject> {
  requirePermission(ctx, "customers:write");
  const data = parseWith(AttachPaymentMethodInput, input);
  const db = await executor(ctx);
  const customer = await loadCustomer(db, ctx, data.customer, { param: "customer" });
  const known = await findPaymentMethod(db, id);
  if (known && !sameTenant(ctx, known)) throw noSuchPaymentMethod(id);
  if (known?.customer === customer.id) return serializePaymentMethod(known);
  if (known?.customer) {
    throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${id} is attached to another customer; detach it first.`, { param: "customer" });
  }
  // Keyed by the card, the customer and the card's last change: a retry is a replay, a later re-attach is
  // new. The key is recorded before the call, so a retry after a crash sends the very same one.
  const key = recoveryOf<{ key: string }>(ctx, POINT)?.key ?? `attach:${id}:${customer.id}:${known?.updatedAt.getTime() ?? 0}`;
  if (ctx.idempotency) {
    await commitWrites(ctx, db, (_db, changes) => {
      changes.recoveryPoint(POINT, { key });
      return [];
    });
  }
  const saved = await aroundSideEffect("attach.processor", () =>
    callProcessor(customer.connector, (c) => c.attachPaymentMethod(connectorCtx(ctx), { paymentMethod: id, customerId: customer.id, idempotencyKey: key })),
  );
  const row = await commit(
    ctx,
    async (tx, changes) => {
      await loadCustomer(tx, ctx, customer.id, { lock: true, param: "customer" });
      return recordCardIn(tx, changes, ctx, { ...saved, customer: customer.id }, customer.connector);
    },
    { respond: serializePaymentMethod },
  );
  return serializePaymentMethod(row);
}
