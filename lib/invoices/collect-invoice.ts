import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, subscriptions, type InvoiceRow, type PaymentRow, type RefundRow, type StatusReason } from "@/db/schema";
import { HARD_DECLINE_CODES, getBillingSettings, nextRetryAt } from "@/lib/billing/settings";
import { loadCustomer } from "@/lib/customers/load";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { loadPayment } from "@/lib/payments/load-payment";
import { settlePayment } from "@/lib/payments/settle-payment";
import { commit } from "@/lib/service/commit";
import { executor, systemActor, type ServiceContext } from "@/lib/service/context";
import { ERROR_CODES } from "@/lib/service/error-codes";
import { KassaError } from "@/lib/service/errors";
import { aroundSideEffect } from "@/lib/failpoints";
import { reserveDuplicateRefund, sendDuplicateRefund } from "./duplicate-payment";
import { linesOf, loadInvoice } from "./load";
import { lockSubscriptionOf, markInvoicePaid } from "./mark-invoice-paid";
import { serializeInvoice } from "./serialize";
import { setSubscription } from "@/lib/subscriptions/set-subscription";

export type CollectOutcome =
  /** Paid now, or found paid. */
  | { status: "paid"; invoice: InvoiceRow }
  /** The try failed; `retryAt` is when the schedule tries again (null: no more automatic tries). */
  | { status: "failed"; invoice: InvoiceRow; hard: boolean; retryAt: Date | null; error: StatusReason }
  /** The processor's answer is not known yet (a lost answer, or a try still in flight): ask again later. */
  | { status: "pending"; invoice: InvoiceRow }
  /** Not open (void, uncollectible, draft): nothing to collect. */
  | { status: "not_open"; invoice: InvoiceRow };

const OPEN_TRY: ReadonlySet<PaymentRow["status"]> = new Set(["requires_confirmation", "processing"]);

/**
 * One try to collect an open invoice by charging a saved card off-session — the subscription's default
 * payment method, else the customer's (or `paymentMethod`, given by the merchant's pay call).
 *
 * Exactly once across crashes: each try is a payment of its own, made and recorded on the invoice in one
 * commit before the processor is called (the recovery point). Calling this again resumes that payment —
 * confirming it if it was never sent, or asking the processor with the same idempotency key if it was —
 * and only once it has an outcome does a later call start the next try. Safe to call any number of times.
 */
export async function collectInvoice({
  ctx,
  invoiceId,
  paymentMethod,
  manual = false,
  now = new Date(),
}: {
  ctx: ServiceContext;
  invoiceId: string;
  paymentMethod?: string;
  /** The merchant's (or customer's) own pay call: an uncollectible invoice is still payable then (Stripe's rule). */
  manual?: boolean;
  now?: Date;
}): Promise<CollectOutcome> {
  const payable = (i: InvoiceRow) => i.status === "open" || (manual && i.status === "uncollectible");
  const billing = billingContext(ctx);
  const started = await commit(ctx, async (tx, changes) => {
    const invoice = await loadInvoice(tx, ctx, invoiceId, { lock: true });
    if (!payable(invoice)) return { kind: "done" as const, invoice };
    if (invoice.payment) {
      const current = await loadPayment(tx, ctx, invoice.payment);
      if (current.status === "succeeded" || OPEN_TRY.has(current.status)) return { kind: "try" as const, invoice, paymentId: current.id };
    }
    const method = paymentMethod ?? (await defaultPaymentMethodOf(tx, ctx, invoice));
    if (!method) {
      const failure: StatusReason = {
        code: "payment_method_missing",
        message: "The customer has no default payment method: attach a card to the customer (or the subscription) and pay the invoice.",
      };
      const [tried] = await tx
        .update(invoices)
        .set({ attemptCount: invoice.attemptCount + 1 })
        .where(eq(invoices.id, invoice.id))
        .returning();
      return { kind: "failed" as const, invoice: tried!, failure };
    }
    const payment = await createPayment({
      ctx: { ...billing, db: tx },
      input: {
        amount: Number(invoice.amountDue - invoice.amountPaid),
        currency: invoice.currency,
        customer: invoice.customer,
        payment_method: method,
        description: `Invoice ${invoice.number}`,
        metadata: { invoice: invoice.id, ...(invoice.subscription ? { subscription: invoice.subscription } : {}) },
      },
    });
    const [tried] = await tx
      .update(invoices)
      .set({ payment: payment.id, attemptCount: invoice.attemptCount + 1 })
      .where(eq(invoices.id, invoice.id))
      .returning();
    changes.audit({
      action: "invoice.payment_attempted",
      targetType: "invoice",
      targetId: invoice.id,
      metadata: { payment: payment.id, try: invoice.attemptCount + 1 },
    });
    return { kind: "try" as const, invoice: tried!, paymentId: payment.id };
  });
  if (started.kind === "done") return { status: started.invoice.status === "paid" ? "paid" : "not_open", invoice: started.invoice };
  if (started.kind === "failed") return applyOutcome(ctx, invoiceId, null, started.failure, now, payable);

  const payment = await aroundSideEffect("invoice.processor", () => chargeOrResume(billing, started.paymentId));
  if (payment.status === "processing" || payment.status === "requires_confirmation") return { status: "pending", invoice: started.invoice };
  return applyOutcome(ctx, invoiceId, payment, failureOf(payment), now, payable);
}

/** The payment verbs run as Kassa's billing (the caller's permission to collect was checked by the invoice verb). */
function billingContext(ctx: ServiceContext): ServiceContext {
  return { merchantId: ctx.merchantId, livemode: ctx.livemode, actor: systemActor("billing"), ...(ctx.requestId ? { requestId: ctx.requestId } : {}) };
}

async function defaultPaymentMethodOf(tx: Transaction, ctx: ServiceContext, invoice: InvoiceRow): Promise<string | null> {
  if (invoice.subscription) {
    const [sub] = await tx.select({ pm: subscriptions.defaultPaymentMethod }).from(subscriptions).where(eq(subscriptions.id, invoice.subscription));
    if (sub?.pm) return sub.pm;
  }
  const customer = await loadCustomer(tx, ctx, invoice.customer).catch(() => null);
  return customer?.defaultPaymentMethod ?? null;
}

/** Sends the try's payment if it was never sent, or settles it with the processor if it was. */
async function chargeOrResume(ctx: ServiceContext, paymentId: string): Promise<PaymentRow> {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.status === "requires_confirmation") {
    try {
      await confirmPayment({ ctx, id: paymentId, input: {} });
    } catch (error) {
      // A decline is recorded on the payment (its last_payment_error); anything else is for the caller's retry.
      if (!(error instanceof KassaError && ERROR_CODES[error.code].type === "card_error")) throw error;
    }
  } else if (payment.status === "processing") {
    // A try whose process died mid-way: ask the processor about that very attempt, never charge again.
    await settlePayment({ ctx, paymentId, now: Date.now() + 60_000 });
  }
  return loadPayment(db, ctx, paymentId);
}

function failureOf(payment: PaymentRow): StatusReason | null {
  if (payment.status === "succeeded" || payment.status === "requires_capture") return null;
  if (payment.status === "requires_action") {
    return {
      code: "authentication_required",
      message: "The card's bank asks the customer to authenticate this charge; they can pay on the hosted invoice page.",
      decline_code: "authentication_required",
    };
  }
  const e = payment.lastPaymentError;
  return { code: e?.code ?? "card_declined", message: e?.message ?? "The card was declined.", decline_code: e?.decline_code ?? null };
}

/** Records a try's outcome on the invoice and its subscription, once: a try already recorded is left as it is. */
async function applyOutcome(
  ctx: ServiceContext,
  invoiceId: string,
  payment: PaymentRow | null,
  failure: StatusReason | null,
  now: Date,
  payable: (i: InvoiceRow) => boolean,
): Promise<CollectOutcome> {
  const settings = failure ? await getBillingSettings(await executor(ctx), ctx.merchantId) : null;
  let duplicate: RefundRow | null = null;
  const outcome = await commit(ctx, async (tx, changes): Promise<CollectOutcome> => {
    const invoice = await loadInvoice(tx, ctx, invoiceId, { lock: true });
    const ours = payment !== null && invoice.payment === payment.id;
    // A try that took the money still pays an invoice written off meanwhile (uncollectible stays payable).
    const open = payable(invoice) || (!failure && ours && invoice.status === "uncollectible");
    if (!open || (payment && !ours)) {
      // This try took the money although the invoice was paid meanwhile by another payment (the hosted
      // page's checkout) or voided: the customer must not pay twice.
      if (payment && !failure && !(ours && invoice.status === "paid")) {
        duplicate = await reserveDuplicateRefund(tx, ctx, changes, { invoice, payment: payment.id, via: { collection: "off_session" } });
      }
      return invoice.status === "paid" ? { status: "paid", invoice } : { status: "not_open", invoice };
    }
    const sub = await lockSubscriptionOf(tx, invoice);
    if (!failure) return { status: "paid", invoice: await markInvoicePaid(tx, changes, invoice, sub, { payment: payment?.id ?? null, now }) };
    const code = failure.decline_code ?? failure.code;
    const hard = HARD_DECLINE_CODES.has(code) || failure.code === "payment_method_missing";
    // Only renewals follow the retry schedule; a first invoice waits for the customer (the subscription stays incomplete).
    const scheduled = invoice.billingReason !== "subscription_create" && !hard;
    // Counted from the renewal instant (the invoice's period start), so the schedule does not drift with late tries.
    const retryAt = scheduled ? nextRetryAt(settings!, invoice.periodStart, invoice.attemptCount, now) : null;
    const [failed] = await tx.update(invoices).set({ lastPaymentError: failure, nextPaymentAttempt: retryAt }).where(eq(invoices.id, invoice.id)).returning();
    changes.event("invoice.payment_failed", serializeInvoice(failed!, await linesOf(tx, invoice.id)));
    changes.audit({ action: "invoice.payment_failed", targetType: "invoice", targetId: invoice.id, metadata: { code, try: invoice.attemptCount } });
    if (sub) {
      const status = sub.status === "active" || sub.status === "trialing" ? "past_due" : sub.status;
      await setSubscription(tx, changes, sub, { status, statusReason: failure });
    }
    return { status: "failed", invoice: failed!, hard, retryAt, error: failure };
  });
  if (duplicate) await sendDuplicateRefund(ctx, duplicate);
  return outcome;
}
