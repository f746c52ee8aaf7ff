import { count, eq, ne } from "drizzle-orm";
import { sandboxCharges, type SandboxChargeRow } from "@/db/schema";
import { executeAsOne, FenceLostError } from "@/db/batch";
import { fastInsert } from "@/db/fast-insert";
import { newId } from "@/lib/ids";
import { checkAmount, isCurrency } from "@/lib/money";
import { ConnectorRequestError, ConnectorUnknownOutcomeError, type AuthorizeInput, type Charge, type ConnectorContext } from "../types";
import { drawFault, drawUnavailable, faultError, sleep } from "./config";
import { decideAuthorization, threeDSecureAction, walletApprovalAction, type AuthorizationOutcome } from "./outcomes";
import { assertIdempotencyKey, chargeTenant, findChargeByKey, keyReused, requestHash, toCharge, type SandboxDeps } from "./store";
import { findSavedCard } from "./customers";
import { cardDetails, testCardByPaymentMethod, type SandboxTestCard } from "./test-cards";

/**
 * Creates and confirms one charge. Common case: one INSERT … ON CONFLICT DO NOTHING; a replay adds
 * one SELECT. Concurrent calls with one key wait on the unique index, so exactly one row is made.
 */
export async function authorize(deps: SandboxDeps, ctx: ConnectorContext, input: AuthorizeInput): Promise<Charge> {
  const config = deps.config();
  await sleep(config.latencyMs);
  // A PayPal wallet payment has no card: it waits for the buyer on the simulated approval page.
  const wallet = input.paymentMethod === "paypal";
  const card = wallet ? checkRequest(input) : validate(input, await savedToken(deps, ctx, input));
  const unavailable = drawUnavailable(config);
  if (unavailable) throw unavailable;
  const fault = drawFault(config);
  if (fault === "before") throw faultError("authorize", fault);

  const db = await deps.db();
  const currency = input.currency.toLowerCase();
  const hash = requestHash({
    paymentId: input.paymentId,
    amount: input.amount,
    currency,
    paymentMethod: input.paymentMethod,
    captureMethod: input.captureMethod,
    customer: input.customer,
    description: input.description,
    returnUrl: input.returnUrl,
  });

  // Only the transient-error card looks at history: a payment's first attempt fails, later ones pass.
  let priorAttempts = 0;
  if (card?.behaviour === "processing_error") {
    const [row] = await db
      .select({ n: count() })
      .from(sandboxCharges)
      .where(
        chargeTenant(
          ctx,
          eq(sandboxCharges.paymentId, input.paymentId),
          eq(sandboxCharges.behaviour, card.behaviour),
          ne(sandboxCharges.idempotencyKey, input.idempotencyKey),
        ),
      );
    priorAttempts = row?.n ?? 0;
  }

  const id = newId("sandboxCharge");
  const decided: AuthorizationOutcome = card
    ? decideAuthorization({ behaviour: card.behaviour, amount: input.amount, captureMethod: input.captureMethod, priorAttempts })
    : { status: "requires_action", amountCapturable: 0n, amountCaptured: 0n, failure: null, riskLevel: "normal", requiresAction: true };
  // 3D Secure asked for by Kassa's rules: a card the bank would have authorised is challenged first (the 3DS page decides).
  const outcome =
    input.requestThreeDSecure && decided.status !== "failed" && !decided.requiresAction
      ? { ...decided, status: "requires_action" as const, amountCapturable: 0n, amountCaptured: 0n, requiresAction: true }
      : decided;
  // The row is built here, so nothing needs to be read back: one fenced INSERT … ON CONFLICT DO NOTHING (a named
  // statement), which writes nothing and raises FenceLostError when the key was used before.
  const now = new Date();
  const row: SandboxChargeRow = {
    id,
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    idempotencyKey: input.idempotencyKey,
    requestHash: hash,
    paymentId: input.paymentId,
    status: outcome.status,
    captureMethod: input.captureMethod,
    amount: input.amount,
    amountCapturable: outcome.amountCapturable,
    amountCaptured: outcome.amountCaptured,
    amountRefunded: 0n,
    currency,
    paymentMethod: input.paymentMethod,
    card: card ? cardDetails(card) : null,
    paypal: null,
    behaviour: card?.behaviour ?? WALLET_BEHAVIOUR,
    failure: outcome.failure,
    nextAction: !outcome.requiresAction ? null : card ? threeDSecureAction(id, input.returnUrl ?? null) : walletApprovalAction(id, input.returnUrl ?? null),
    riskLevel: outcome.riskLevel,
    threeDSecure: null,
    customer: input.customer ?? null,
    description: input.description ?? null,
    returnUrl: input.returnUrl ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const inserted = await executeAsOne(db, [fastInsert(db, sandboxCharges, row, { onConflictDoNothing: true, returning: ["id"] })], { fence: 0 }).then(
    () => row,
    (error: unknown) => {
      if (error instanceof FenceLostError) return null;
      throw error;
    },
  );

  if (!inserted) {
    // The key was used before (or by a concurrent call that has now committed): replay it.
    const existing = await findChargeByKey(db, ctx, input.idempotencyKey);
    if (!existing) throw new ConnectorUnknownOutcomeError("Sandbox authorize: idempotency conflict without a stored charge; retrieve and retry.");
    if (existing.requestHash !== hash) throw keyReused(input.idempotencyKey);
    if (fault === "after") throw faultError("authorize", fault);
    return toCharge(existing);
  }
  if (fault === "after") throw faultError("authorize", fault);
  if (card?.behaviour === "lost_response") {
    throw new ConnectorUnknownOutcomeError("Sandbox authorize: the charge was made but its response was lost (pm_card_lostResponse); retrieve it.", {
      scripted: true,
    });
  }
  return toCharge(inserted);
}

/** A saved card (pm_… of setup/attach) charges as the test card it was saved from; it must be the payment's customer's. */
async function savedToken(deps: SandboxDeps, ctx: ConnectorContext, input: AuthorizeInput): Promise<string> {
  if (testCardByPaymentMethod(input.paymentMethod)) return input.paymentMethod;
  const saved = await findSavedCard(deps, ctx, input.paymentMethod);
  if (!saved) return input.paymentMethod;
  if (saved.customer !== (input.customer ?? null)) {
    throw new ConnectorRequestError(
      "payment_method_unexpected_state",
      "The PaymentMethod belongs to another customer (or none); pass its customer.",
      "payment_method",
    );
  }
  return saved.token;
}

/** The behaviour recorded for a PayPal wallet charge (no test card decides it: the buyer does). */
export const WALLET_BEHAVIOUR = "paypal_wallet";

function validate(input: AuthorizeInput, token: string): SandboxTestCard {
  checkRequest(input);
  const card = testCardByPaymentMethod(token);
  if (!card) throw new ConnectorRequestError("resource_missing", `No such PaymentMethod: '${input.paymentMethod}'`, "payment_method");
  return card;
}

/** What every authorization must carry, a card's or the wallet's; null (no card) for the wallet. */
function checkRequest(input: AuthorizeInput): null {
  assertIdempotencyKey(input.idempotencyKey);
  if (!input.paymentId) throw new ConnectorRequestError("parameter_missing", "paymentId is required.", "metadata[kassa_payment_id]");
  const problem = checkAmount(input.amount);
  if (problem === "too_large") throw new ConnectorRequestError("amount_too_large", "Amount must be no more than 99,999,999 minor units.", "amount");
  if (problem) throw new ConnectorRequestError("amount_too_small", "Amount must be at least 1 minor unit.", "amount");
  if (!isCurrency(input.currency)) {
    throw new ConnectorRequestError("parameter_invalid_string", `Invalid currency: ${input.currency}.`, "currency");
  }
  if (input.captureMethod !== "automatic" && input.captureMethod !== "manual") {
    throw new ConnectorRequestError("parameter_invalid_string", `Invalid capture_method: ${String(input.captureMethod)}.`, "capture_method");
  }
  return null;
}
