import { paymentAttempts, payments, type PaymentAttemptRow, type PaymentRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commitWrites } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { assertPaymentCustomer } from "@/lib/customers/check-payment-customer";
import { newId } from "@/lib/ids";
import { AUTHORIZATION_TTL_MS } from "./apply-authorization";
import { assertPaymentMethodKnown, connectorNameFor, upiConnectorNameFor, walletConnectorNameFor, wantsPayPal, wantsUpi } from "./connector";
import { prepareUpiPayment } from "@/lib/upi/prepare-upi-payment";
import { checkAttempt, fraudPhaseAWrites } from "@/lib/fraud/check-attempt";
import { CreatePaymentInput, checkChargeAmount } from "./inputs";
import { declareRecovery, resumeConfirmation, runConfirmation } from "./run-confirmation";
import { serializePayment, type PaymentObject } from "./serialize-payment";
import { planEscrow } from "@/lib/escrow/inputs";
import { routePayment } from "@/lib/routing/route-payment";
import { createCryptoPayment } from "@/lib/crypto-payments/create-crypto-payment";
import { isCryptoCurrency, wantsCrypto } from "@/lib/crypto-payments/inputs";
import { fastInsert } from "@/db/fast-insert";

/**
 * POST /api/v1/payments. With `confirm: true` the payment is authorised at once: phase A records the
 * payment and its attempt, the processor is called with the attempt id as idempotency key, phase B
 * records the outcome (see apply-authorization.ts).
 */
export async function createPayment({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  // Paid on chain and watched by Kassa: its own verb (lib/crypto-payments).
  if (wantsCrypto(input)) return createCryptoPayment({ ctx, input });
  const currency = (input as { currency?: unknown } | null)?.currency;
  if (isCryptoCurrency(currency)) {
    throw new KassaError("payment_method_currency_mismatch", `${String(currency).toUpperCase()} is paid on chain: use payment_method_types ["crypto"].`, {
      param: "payment_method_types",
    });
  }
  const data = parseWith(CreatePaymentInput, input);
  const amount = checkChargeAmount(data.amount, data.currency);
  const captureMethod = data.capture_method ?? "automatic";
  if (data.capture_at !== undefined) {
    const now = Date.now();
    if (captureMethod !== "manual") throw new KassaError("parameter_invalid", "capture_at needs capture_method: manual.", { param: "capture_at" });
    const at = data.capture_at * 1000;
    if (at <= now || at > now + AUTHORIZATION_TTL_MS) {
      throw new KassaError("parameter_invalid", "capture_at must be in the future and within 7 days (before the authorisation lapses).", {
        param: "capture_at",
      });
    }
  }
  const escrow = data.escrow ? planEscrow(data.escrow, new Date()) : null;
  const upi = wantsUpi(data);
  const wallet = wantsPayPal(data);
  const paymentMethod = upi ? "upi" : wallet ? "paypal" : data.payment_method;
  if (data.confirm && !paymentMethod)
    throw new KassaError("parameter_missing", "Missing required param: payment_method (needed with confirm: true).", { param: "payment_method" });
  if (upi && captureMethod === "manual") {
    throw new KassaError("payment_method_unsupported", "UPI payments are captured at once: capture_method manual is for cards.", { param: "capture_method" });
  }
  // The PayPal wallet sends the customer to PayPal's approval page, which must know where to send them back.
  if (wallet && data.confirm && !data.return_url)
    throw new KassaError("parameter_missing", "Missing required param: return_url (a PayPal payment returns there after approval).", { param: "return_url" });
  const id = newId("payment");
  // The merchant's routing rules pick a card payment's connector (from memory: no statement); else the mode's own processor.
  const card = paymentMethod && !upi && !wallet ? paymentMethod : null;
  const routed = card ? await routePayment(await executor(ctx), ctx, { id, amount, currency: data.currency, paymentMethod: card }) : null;
  const connector = routed?.connector ?? (upi ? upiConnectorNameFor(ctx) : wallet ? walletConnectorNameFor(ctx) : connectorNameFor(ctx));
  if (card) assertPaymentMethodKnown(connector, card);
  await assertPaymentCustomer(await executor(ctx), ctx, connector, data.customer, card);
  // UPI's checks (INR, ₹1 to the merchant's limit, collect allowed, the VPA) before anything is stored.
  const upiDetails = upi
    ? await prepareUpiPayment(await executor(ctx), ctx, { amount, currency: data.currency, options: data.payment_method_options?.upi })
    : null;

  const resumed = await resumeConfirmation(ctx);
  if (resumed) return resumed;

  // Phase A in one statement (atomic by itself): the payment, its first attempt, the audit row, the
  // outbox event and the recovery point. The row is built here, so nothing needs to be read back.
  const now = new Date();
  const attemptId = data.confirm ? newId("paymentAttempt") : null;
  const payment: PaymentRow = {
    id,
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    amount,
    currency: data.currency,
    status: attemptId ? "processing" : paymentMethod ? "requires_confirmation" : "requires_payment_method",
    captureMethod,
    amountCapturable: 0n,
    amountReceived: 0n,
    amountRefunded: 0n,
    fee: 0n,
    paymentMethod: paymentMethod ?? null,
    card: null,
    upi: data.confirm ? upiDetails : null,
    paypal: null,
    crypto: null,
    outcome: null,
    customer: data.customer ?? null,
    description: data.description ?? null,
    receiptEmail: data.receipt_email ?? null,
    metadata: data.metadata ?? {},
    connector,
    processorId: null,
    latestAttemptId: attemptId,
    attemptCount: attemptId ? 1 : 0,
    lastPaymentError: null,
    nextAction: null,
    returnUrl: data.return_url ?? null,
    cancellationReason: null,
    canceledAt: null,
    capturedAt: null,
    authorizationExpiresAt: null,
    captureAt: data.capture_at !== undefined ? new Date(data.capture_at * 1000) : null,
    pendingOperation: null,
    escrow: escrow?.escrow ?? null,
    escrowReleaseAt: escrow?.releaseAt ?? null,
    createdAt: now,
    updatedAt: now,
  };
  // Kassa's fraud check before anything reaches a processor: blocked attempts are never sent, reviewed
  // ones are only authorised (captured when the merchant approves). UPI cannot be held, so it is not reviewed.
  const assessment = attemptId ? await checkAttempt(await executor(ctx), ctx, { payment, attemptId, paymentMethod: paymentMethod! }) : null;
  if (assessment) {
    payment.outcome = assessment.outcome;
    if (assessment.decision === "review" && !upi) payment.captureMethod = "manual";
  }
  const attempt: PaymentAttemptRow | null = attemptId
    ? {
        id: attemptId,
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        paymentId: id,
        status: "started",
        amount,
        paymentMethod: paymentMethod!,
        connector,
        processorId: null,
        failure: null,
        fraudKeys: assessment?.keys ?? null,
        settledAt: null,
        outcomeUnknownAt: null,
        routing: routed?.routing ?? null,
        createdAt: now,
        updatedAt: now,
      }
    : null;
  // One statement: the recovery point fences it, so if another request took this key over, none of it is written.
  await commitWrites(ctx, await executor(ctx), (db, changes) => {
    declareRecovery(changes, { paymentId: id, attemptId: attempt?.id ?? null });
    changes.audit({ action: "payment.created", targetType: "payment", targetId: id, metadata: { amount: data.amount, currency: data.currency } });
    changes.event("payment.created", serializePayment(payment));
    return [
      fastInsert(db, payments, payment),
      ...(attempt ? [fastInsert(db, paymentAttempts, attempt)] : []),
      ...(assessment ? fraudPhaseAWrites(db, ctx, assessment) : []),
    ];
  });
  if (!attempt) return serializePayment(payment);
  return runConfirmation(ctx, payment, attempt);
}
