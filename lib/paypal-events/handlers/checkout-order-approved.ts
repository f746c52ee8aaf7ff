// CHECKOUT.ORDER.APPROVED — the payer finished on PayPal's page (3D Secure, the wallet): Kassa pays the order now.
import { completeAuthentication } from "@/lib/payments/complete-authentication";
import { applyProcessorView } from "@/lib/payments/apply-processor-view";
import { readOwnOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

/**
 * What the customer's return to Kassa would do, for a customer who never came back: the payment waiting on
 * this very order is completed through the same verb (authorised or captured at PayPal with the attempt's
 * PayPal-Request-Id, so the return and this event pay once). PayPal's own 3D Secure result decides; the
 * `succeed` is only "the payer is done". Anything else: the order's state applied as it is.
 */
export const handleCheckoutOrderApproved: PayPalEventHandler = async ({ ctx, row }) => {
  const own = await readOwnOrder(ctx, row);
  if (!own) return "unknown_object";
  const { payment, charge } = own;
  if (payment.status === "requires_action" && payment.processorId === charge.processorId && charge.status === "requires_action") {
    const { payment: after } = await completeAuthentication({ ctx, paymentId: payment.id, outcome: "succeed" });
    return after.status !== payment.status ? "applied" : "no_change";
  }
  return applyProcessorView({ ctx, payment, charge });
};
