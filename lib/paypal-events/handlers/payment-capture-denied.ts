// PAYMENT.CAPTURE.DENIED — a capture was declined (after PayPal's review): re-read and recorded as the decline.
import { syncPayPalOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

export const handlePaymentCaptureDenied: PayPalEventHandler = ({ ctx, row }) => syncPayPalOrder(ctx, row);
