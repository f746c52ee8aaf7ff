"use client";

import dynamic from "next/dynamic";

// The checkout's larger client parts, each in its own chunk, fetched only by a page that renders it: a sandbox
// card checkout then downloads neither Stripe's React library, the UPI screens, the PayPal button nor the crypto tab (whose
// wallet code, with viem's encoder, is a further chunk loaded at the "Pay with wallet" click). Still rendered on the server.
export const StripeCheckout = dynamic(() => import("./stripe-checkout").then((m) => m.StripeCheckout));
export const UpiPayForm = dynamic(() => import("./upi-pay-form").then((m) => m.UpiPayForm));
export const UpiWaiting = dynamic(() => import("./upi-waiting").then((m) => m.UpiWaiting));
export const PayPalButton = dynamic(() => import("./paypal-button").then((m) => m.PayPalButton));
export const CryptoPay = dynamic(() => import("./crypto-pay").then((m) => m.CryptoPay));
