"use client";

import dynamic from "next/dynamic";

// The checkout's larger client parts, each in its own chunk, fetched only by a page that renders it: a sandbox
// card checkout then downloads neither Stripe's React library nor the UPI screens. Still rendered on the server.
export const StripeCheckout = dynamic(() => import("./stripe-checkout").then((m) => m.StripeCheckout));
export const UpiPayForm = dynamic(() => import("./upi-pay-form").then((m) => m.UpiPayForm));
export const UpiWaiting = dynamic(() => import("./upi-waiting").then((m) => m.UpiWaiting));
