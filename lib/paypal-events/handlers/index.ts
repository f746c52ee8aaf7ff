import { handleCheckoutOrderApproved } from "./checkout-order-approved";
import { handlePaymentAuthorizationCreated } from "./payment-authorization-created";
import { handlePaymentAuthorizationVoided } from "./payment-authorization-voided";
import { handlePaymentCaptureCompleted } from "./payment-capture-completed";
import { handlePaymentCaptureDenied } from "./payment-capture-denied";
import { handlePaymentCaptureRefunded } from "./payment-capture-refunded";
import type { PayPalEventHandler } from "./types";

export type { PayPalEventHandler } from "./types";

/** The allow-list: PayPal event types Kassa acts on, one handler file each. Anything else is recorded and ignored (200). */
export const PAYPAL_EVENT_HANDLERS: Record<string, PayPalEventHandler> = {
  "CHECKOUT.ORDER.APPROVED": handleCheckoutOrderApproved,
  "PAYMENT.AUTHORIZATION.CREATED": handlePaymentAuthorizationCreated,
  "PAYMENT.AUTHORIZATION.VOIDED": handlePaymentAuthorizationVoided,
  "PAYMENT.CAPTURE.COMPLETED": handlePaymentCaptureCompleted,
  "PAYMENT.CAPTURE.DENIED": handlePaymentCaptureDenied,
  "PAYMENT.CAPTURE.REFUNDED": handlePaymentCaptureRefunded,
};
