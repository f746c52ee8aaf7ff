// PAYMENT.CAPTURE.COMPLETED — money was captured (a lost answer, Kassa's capture): re-read and recorded.
import { syncPayPalOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

export const handlePaymentCaptureCompleted: PayPalEventHandler = ({ ctx, row }) => syncPayPalOrder(ctx, row);
