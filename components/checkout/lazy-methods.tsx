"use client";

import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";

/**
 * A part of the checkout in its own chunk, fetched only by a page that renders it (React.lazy; still rendered on
 * the server, and hydrated once its chunk is in). React's own lazy rather than next/dynamic, whose loader is a
 * further 2 KB on every checkout.
 */
function part<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

// The checkout's larger client parts: a sandbox card checkout downloads neither Stripe's React library, the UPI
// screens, the PayPal button nor the crypto tab (whose wallet code, with viem's encoder, is a further chunk loaded
// at the "Pay with wallet" click); only a checkout with more than one way to pay shows tabs.
export const StripeCheckout = part(() => import("./stripe-checkout").then((m) => m.StripeCheckout));
export const UpiPayForm = part(() => import("./upi-pay-form").then((m) => m.UpiPayForm));
export const UpiWaiting = part(() => import("./upi-waiting").then((m) => m.UpiWaiting));
export const PayPalButton = part(() => import("./paypal-button").then((m) => m.PayPalButton));
export const CryptoPay = part(() => import("./crypto-pay").then((m) => m.CryptoPay));
export const CheckoutTabs = part(() => import("./checkout-tabs").then((m) => m.CheckoutTabs));
export const UpiResult = part(() => import("./upi-result").then((m) => m.UpiResult));
