// PAYMENT.AUTHORIZATION.VOIDED — the authorization was voided (Kassa's cancel, or PayPal's at expiry): re-read and recorded.
import { syncPayPalOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

export const handlePaymentAuthorizationVoided: PayPalEventHandler = ({ ctx, row }) => syncPayPalOrder(ctx, row);
