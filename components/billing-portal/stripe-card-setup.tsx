"use client";

import { useEffect, useState } from "react";
import type { Stripe } from "@stripe/stripe-js";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { Spinner } from "@/components/checkout/spinner";
import { loadStripeJs, STRIPE_UNAVAILABLE_MESSAGE, type StripeLoader } from "@/lib/checkout/stripe-loader";
import { payWithStripe, type CheckoutStep } from "@/lib/checkout/stripe-flow";

interface Props {
  publishableKey: string;
  currency: string | null;
  /** Posts the PaymentMethod id Stripe.js made to Kassa, which saves it on the customer (a SetupIntent). */
  save: (paymentMethodId: string) => Promise<CheckoutStep>;
  /** After Stripe.js ran the bank's challenge: Kassa reads the setup's outcome from Stripe. */
  refresh: () => Promise<CheckoutStep>;
  load?: StripeLoader;
}

/**
 * Stripe mode of the portal's "Update card": the checkout's Payment Element flow (lib/checkout/stripe-flow.ts)
 * in setup mode — the card goes from the Element to Stripe only, Kassa gets a PaymentMethod id.
 */
export function StripeCardSetup({ publishableKey, currency, save, refresh, load }: Props) {
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadStripeJs(publishableKey, load ? { load } : {}).then(
      (s) => live && setStripe(s),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [publishableKey, load]);

  if (failed)
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-3 text-sm text-amber-900">
        {STRIPE_UNAVAILABLE_MESSAGE}
      </p>
    );
  if (!stripe)
    return (
      <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
        <Spinner /> Loading the card form…
      </p>
    );
  return (
    <Elements stripe={stripe} options={{ mode: "setup", ...(currency ? { currency } : {}), paymentMethodCreation: "manual" }}>
      <SetupForm save={save} refresh={refresh} />
    </Elements>
  );
}

function SetupForm({ save, refresh }: Pick<Props, "save" | "refresh">) {
  const stripe = useStripe();
  const elements = useElements();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!stripe || !elements || pending) return;
    setPending(true);
    setError(null);
    try {
      const step = await payWithStripe({ stripe, elements, pay: save, refresh });
      if (step.ok && step.next !== "stripe_action") {
        window.location.assign(step.url);
        return;
      }
      setError(step.ok ? "Your bank needs another step. Try again." : step.message);
    } catch {
      setError("We could not reach Kassa. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <PaymentElement />
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!stripe || pending}
        aria-busy={pending || undefined}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 disabled:cursor-wait disabled:opacity-80"
      >
        {pending ? (
          <>
            <Spinner /> <span>Saving…</span>
          </>
        ) : (
          "Save card"
        )}
      </button>
    </form>
  );
}
