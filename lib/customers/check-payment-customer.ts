import type { Executor } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import { findPaymentMethod, loadCustomer, noSuchPaymentMethod, sameTenant } from "./load";

/**
 * A payment's customer and payment method, before anything is stored: the customer must be the
 * merchant's (404 otherwise); a saved card must be the merchant's (404) and charged with its own
 * customer (400, as Stripe refuses a customer's card without that customer). Tokens the processor
 * knows by itself (test methods, Stripe.js's pm_…) pass through.
 */
export async function assertPaymentCustomer(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  connector: string,
  customer: string | null | undefined,
  paymentMethod: string | null | undefined,
): Promise<void> {
  if (customer) await loadCustomer(db, ctx, customer, { param: "customer" });
  if (!paymentMethod || testCardByPaymentMethod(paymentMethod)) return;
  const saved = await findPaymentMethod(db, paymentMethod);
  if (!saved) {
    // The sandbox knows only its test methods and the cards it saved (all recorded here).
    if (connector === "sandbox") throw noSuchPaymentMethod(paymentMethod, "payment_method");
    return;
  }
  if (!sameTenant(ctx, saved)) throw noSuchPaymentMethod(paymentMethod, "payment_method");
  if (saved.customer !== (customer ?? null)) {
    throw new KassaError(
      "payment_method_unexpected_state",
      saved.customer
        ? `PaymentMethod ${paymentMethod} belongs to a customer: pass customer: '${saved.customer}'.`
        : `PaymentMethod ${paymentMethod} is detached and can no longer be charged.`,
      { param: "payment_method" },
    );
  }
}
