import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { DetachPaymentMethodInput } from "./inputs";
import { loadPaymentMethod } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { recordCardIn } from "./record-card";
import { serializePaymentMethod, type PaymentMethodObject } from "./serialize";

/** POST /api/v1/payment_methods/:id/detach — the card can no longer be charged; it stops being any default. */
export async function detachPaymentMethod({ ctx, id, input }: { ctx: ServiceContext; id: string; input?: unknown }): Promise<PaymentMethodObject> {
  requirePermission(ctx, "customers:write");
  parseWith(DetachPaymentMethodInput, input ?? {});
  const pm = await loadPaymentMethod(await executor(ctx), ctx, id);
  if (!pm.customer)
    throw new KassaError("payment_method_unexpected_state", `PaymentMethod ${id} is not attached to a customer, so it cannot be detached.`, { param: "id" });
  const key = `detach:${id}:${pm.updatedAt.getTime()}`;
  const saved = await callProcessor(pm.connector, (c) => c.detachPaymentMethod(connectorCtx(ctx), { paymentMethod: id, idempotencyKey: key }));
  // The answer is stored with the detach: a retry after a crash replays it.
  const row = await commit(ctx, (tx, changes) => recordCardIn(tx, changes, ctx, { ...saved, customer: null }, pm.connector), {
    respond: serializePaymentMethod,
  });
  return serializePaymentMethod(row);
}
