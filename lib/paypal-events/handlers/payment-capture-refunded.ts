// PAYMENT.CAPTURE.REFUNDED — a capture was refunded (through Kassa or in PayPal's dashboard): every refund recorded once.
import { KassaError } from "@/lib/service/errors";
import { applyProcessorView } from "@/lib/payments/apply-processor-view";
import { reconcileProcessorRefunds } from "@/lib/refunds/reconcile-processor-refunds";
import { readOwnOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

/** If the payment is not known as succeeded yet (this event overtook the capture's), it is brought up to date first. */
export const handlePaymentCaptureRefunded: PayPalEventHandler = async ({ ctx, row }) => {
  const own = await readOwnOrder(ctx, row);
  if (!own) return "unknown_object";
  let changed = false;
  if (own.payment.status !== "succeeded") {
    changed = (await applyProcessorView({ ctx, payment: own.payment, charge: own.charge })) === "applied";
    const again = await readOwnOrder(ctx, row);
    // Not captured at PayPal either: nothing can be refunded yet; the engine retries the event.
    if (again?.payment.status !== "succeeded") {
      throw new KassaError(
        "service_unavailable",
        `Payment ${own.payment.id} is ${again?.payment.status ?? "unknown"}; its refunds wait until it has succeeded.`,
      );
    }
    own.payment = again.payment;
  }
  const refunded = await reconcileProcessorRefunds({ ctx, payment: own.payment });
  return refunded === "applied" || changed ? "applied" : "no_change";
};
