import { eq } from "drizzle-orm";
import { setupIntents, type SetupIntentRow } from "@/db/schema";
import { parseWith } from "@/lib/api/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { requirePermission } from "@/lib/auth/roles";
import { executor, withTransaction, type ServiceContext } from "@/lib/context";
import { KassaError } from "@/lib/errors";
import { emitEvent } from "@/lib/events/emit-event";
import type { SetupResult } from "@/lib/gateways/types";
import { newId } from "@/lib/ids";
import { ERROR_CODES, type ErrorCode } from "@/lib/api/error-codes";
import { CreateSetupIntentInput } from "./inputs";
import { loadCustomer } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { recordCard } from "./record-card";
import { serializeSetupIntent, type SetupIntentObject } from "./serialize";

/**
 * POST /api/v1/setup_intents — save a card for later charges (off-session by default). The setup is
 * recorded first; the processor checks and saves the card (idempotency key: the setup's id); the answer
 * is recorded with the saved card, audit rows and events. A decline answers 402 like a payment's; 3D
 * Secure on Stripe answers `requires_action` with the client secret for Stripe.js, and Stripe's
 * setup_intent.succeeded webhook finishes it.
 */
export async function createSetupIntent({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<SetupIntentObject> {
  requirePermission(ctx, "customers:write");
  const data = parseWith(CreateSetupIntentInput, input);
  const customer = await loadCustomer(await executor(ctx), ctx, data.customer, { param: "customer" });
  const setup = await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(setupIntents)
      .values({ id: newId("setupIntent"), merchantId: ctx.merchantId, livemode: ctx.livemode, customer: customer.id, status: "processing", paymentMethod: data.payment_method, usage: data.usage ?? "off_session", connector: customer.connector, metadata: data.metadata ?? {} })
      .returning();
    await writeAudit(tx, ctx, { action: "setup_intent.created", targetType: "setup_intent", targetId: row!.id, metadata: { customer: customer.id } });
    return row as SetupIntentRow;
  });
  const result = await callProcessor(customer.connector, (c) =>
    c.setupPaymentMethod(connectorCtx(ctx), { idempotencyKey: setup.id, customerId: customer.id, paymentMethod: data.payment_method, usage: setup.usage, returnUrl: data.return_url ?? null }),
  );
  const { row, error } = await applySetupResult(ctx, setup.id, result);
  if (error) throw error;
  const nextAction = result.nextAction ? { type: "redirect_to_url", redirect_to_url: { url: result.nextAction.redirectToUrl.url, return_url: result.nextAction.redirectToUrl.returnUrl } } : null;
  return serializeSetupIntent(row, { client_secret: result.clientSecret ?? null, next_action: nextAction });
}

/** Phase B of a setup (also the webhook's): status, saved card, events; applying it twice changes nothing. */
export async function applySetupResult(ctx: ServiceContext, setupId: string, result: SetupResult): Promise<{ row: SetupIntentRow; error: KassaError | null }> {
  return withTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(setupIntents).where(eq(setupIntents.id, setupId)).for("update");
    if (!current) throw new KassaError("resource_missing", `No such setup_intent: '${setupId}'`);
    const failure = result.status === "failed" ? (result.failure ?? { code: "card_declined", declineCode: null, message: "Your card was declined.", retryable: false, type: "card_error" as const }) : null;
    const error = failure ? new KassaError(Object.hasOwn(ERROR_CODES, failure.code) ? (failure.code as ErrorCode) : "card_declined", failure.message, { declineCode: failure.declineCode ?? undefined, param: "payment_method" }) : null;
    if (current.status === "succeeded" || current.status === "canceled") return { row: current, error: null };
    const status = result.status === "succeeded" ? "succeeded" : result.status === "requires_action" ? "requires_action" : "requires_payment_method";
    if (current.status === status) return { row: current, error };
    const saved = result.status === "succeeded" && result.paymentMethod ? await recordCard(tx, ctx, result.paymentMethod, current.connector) : null;
    const [row] = await tx
      .update(setupIntents)
      .set({
        status,
        processorId: result.processorId || current.processorId,
        paymentMethod: saved?.id ?? current.paymentMethod,
        lastSetupError: failure ? { type: "card_error", code: failure.code, decline_code: failure.declineCode, message: failure.message } : null,
      })
      .where(eq(setupIntents.id, setupId))
      .returning();
    if (status === "succeeded" || status === "requires_payment_method") {
      const type = status === "succeeded" ? "setup_intent.succeeded" : "setup_intent.setup_failed";
      await writeAudit(tx, ctx, { action: type, targetType: "setup_intent", targetId: setupId, metadata: { payment_method: row!.paymentMethod } });
      await emitEvent(tx, ctx, type, serializeSetupIntent(row!), { status: current.status });
    }
    return { row: row!, error };
  });
}
