import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recoveryOf } from "@/lib/service/recovery";
import { commit, type Changes } from "@/lib/service/commit";
import { errorBody } from "@/lib/service/error-codes";
import { aroundSideEffect } from "@/lib/failpoints";
import { setupIntents, type SetupIntentRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import type { SetupResult } from "@/lib/gateways/types";
import { newId } from "@/lib/ids";
import { ERROR_CODES, type ErrorCode } from "@/lib/service/error-codes";
import { CreateSetupIntentInput } from "./inputs";
import { loadCustomer } from "./load";
import { callProcessor, connectorCtx } from "./processor";
import { recordCardIn } from "./record-card";
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
  const resumed = await resumeSetup(ctx, data.return_url ?? null);
  if (resumed) return resumed;
  const customer = await loadCustomer(await executor(ctx), ctx, data.customer, { param: "customer" });
  // Phase A: the setup and the recovery point before the processor is called (a retry resumes this setup).
  const setup = await commit(ctx, async (tx, changes) => {
    const [row] = await tx
      .insert(setupIntents)
      .values({
        id: newId("setupIntent"),
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        customer: customer.id,
        status: "processing",
        paymentMethod: data.payment_method,
        usage: data.usage ?? "off_session",
        connector: customer.connector,
        metadata: data.metadata ?? {},
      })
      .returning();
    changes.audit({ action: "setup_intent.created", targetType: "setup_intent", targetId: row!.id, metadata: { customer: customer.id } });
    changes.recoveryPoint(POINT, { setupIntentId: row!.id });
    return row as SetupIntentRow;
  });
  return sendSetup(ctx, setup, data.return_url ?? null);
}

const POINT = "setup_intent_created";

/** The processor checks and saves the card (key: the setup's id), then phase B with the stored answer. */
async function sendSetup(ctx: ServiceContext, setup: SetupIntentRow, returnUrl: string | null): Promise<SetupIntentObject> {
  const result = await aroundSideEffect("setup_intent.processor", () =>
    callProcessor(setup.connector, (c) =>
      c.setupPaymentMethod(connectorCtx(ctx), {
        idempotencyKey: setup.id,
        customerId: setup.customer,
        paymentMethod: setup.paymentMethod!,
        usage: setup.usage,
        returnUrl,
      }),
    ),
  );
  const nextAction = result.nextAction
    ? { type: "redirect_to_url" as const, redirect_to_url: { url: result.nextAction.redirectToUrl.url, return_url: result.nextAction.redirectToUrl.returnUrl } }
    : null;
  const extra = { client_secret: result.clientSecret ?? null, next_action: nextAction };
  // Phase B: the outcome and the answer (a decline's 402 too), stored in one commit.
  const { row, error } = await commit(ctx, async (tx, changes) => {
    const applied = await applySetupResultIn(tx, changes, ctx, setup.id, result);
    const answer = applied.error ? errorBody(applied.error, ctx.requestId ?? "") : { status: 200, body: serializeSetupIntent(applied.row, extra) };
    changes.respond(answer.status, answer.body);
    return applied;
  });
  if (error) throw error;
  return serializeSetupIntent(row, extra);
}

/**
 * A retry of a request whose earlier try died after recording the setup: the same setup goes to the
 * processor again with the same key (which answers with what it did the first time), never a new one.
 */
async function resumeSetup(ctx: ServiceContext, returnUrl: string | null): Promise<SetupIntentObject | null> {
  const recovery = recoveryOf<{ setupIntentId: string }>(ctx, POINT);
  if (!recovery?.setupIntentId) return null;
  const [setup] = await (
    await executor(ctx)
  )
    .select()
    .from(setupIntents)
    .where(and(eq(setupIntents.id, recovery.setupIntentId), eq(setupIntents.merchantId, ctx.merchantId), eq(setupIntents.livemode, ctx.livemode)));
  if (!setup) throw new KassaError("api_error", `setup_intent ${recovery.setupIntentId} recorded for this request is missing`);
  if (setup.status === "succeeded" || setup.status === "canceled") {
    return serializeSetupIntent(await commit(ctx, async () => setup, { respond: (row) => serializeSetupIntent(row) }));
  }
  return sendSetup(ctx, setup, returnUrl);
}

/** Phase B of a setup (also the webhook's): status, saved card, events; applying it twice changes nothing. */
export async function applySetupResult(ctx: ServiceContext, setupId: string, result: SetupResult): Promise<{ row: SetupIntentRow; error: KassaError | null }> {
  return commit(ctx, (tx, changes) => applySetupResultIn(tx, changes, ctx, setupId, result));
}

async function applySetupResultIn(
  tx: Transaction,
  changes: Changes,
  ctx: ServiceContext,
  setupId: string,
  result: SetupResult,
): Promise<{ row: SetupIntentRow; error: KassaError | null }> {
  const [current] = await tx.select().from(setupIntents).where(eq(setupIntents.id, setupId)).for("update");
  if (!current) throw new KassaError("resource_missing", `No such setup_intent: '${setupId}'`);
  const failure =
    result.status === "failed"
      ? (result.failure ?? { code: "card_declined", declineCode: null, message: "Your card was declined.", retryable: false, type: "card_error" as const })
      : null;
  const error = failure
    ? new KassaError(Object.hasOwn(ERROR_CODES, failure.code) ? (failure.code as ErrorCode) : "card_declined", failure.message, {
        declineCode: failure.declineCode ?? undefined,
        param: "payment_method",
      })
    : null;
  if (current.status === "succeeded" || current.status === "canceled") return { row: current, error: null };
  const status = result.status === "succeeded" ? "succeeded" : result.status === "requires_action" ? "requires_action" : "requires_payment_method";
  if (current.status === status) return { row: current, error };
  const saved = result.status === "succeeded" && result.paymentMethod ? await recordCardIn(tx, changes, ctx, result.paymentMethod, current.connector) : null;
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
    changes.audit({ action: type, targetType: "setup_intent", targetId: setupId, metadata: { payment_method: row!.paymentMethod } });
    changes.event(type, serializeSetupIntent(row!), { status: current.status });
  }
  return { row: row!, error };
}
