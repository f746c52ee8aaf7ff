// PAYMENT.AUTHORIZATION.CREATED — an authorization was made (a lost answer's outcome): Kassa re-reads the order and records it.
import { syncPayPalOrder } from "../sync-paypal-order";
import type { PayPalEventHandler } from "./types";

export const handlePaymentAuthorizationCreated: PayPalEventHandler = ({ ctx, row }) => syncPayPalOrder(ctx, row);
