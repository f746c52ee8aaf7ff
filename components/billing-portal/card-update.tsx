"use client";

import { useState } from "react";
import { SandboxCardForm } from "@/components/checkout/sandbox-card-form";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import { StripeCardSetup } from "./stripe-card-setup";

export type CardFormMode = { kind: "sandbox" } | { kind: "stripe"; publishableKey: string } | { kind: "unavailable"; message: string };

/**
 * "Update card": the very card forms the checkout uses — Kassa's sandbox form in test mode, Stripe's
 * Payment Element otherwise — behind a button, so the page shows the card on file first.
 */
export function CardUpdate({
  mode,
  currency,
  saveSandbox,
  saveStripe,
  refreshStripe,
  hasCard,
}: {
  mode: CardFormMode;
  currency: string | null;
  saveSandbox: (form: FormData) => Promise<CheckoutStep>;
  saveStripe: (paymentMethodId: string) => Promise<CheckoutStep>;
  refreshStripe: () => Promise<CheckoutStep>;
  hasCard: boolean;
}) {
  const [open, setOpen] = useState(false);
  if (mode.kind === "unavailable") return <p className="mt-3 text-sm text-slate-700">{mode.message}</p>;
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-4 rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-600"
      >
        {hasCard ? "Update card" : "Add a card"}
      </button>
    );
  return (
    <div className="mt-4 space-y-3" data-testid="portal-card-form">
      <h3 className="text-base font-semibold text-slate-900">New card</h3>
      {mode.kind === "stripe" ? (
        <StripeCardSetup publishableKey={mode.publishableKey} currency={currency} save={saveStripe} refresh={refreshStripe} />
      ) : (
        <>
          <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
            Test mode: use card 4242 4242 4242 4242, any future expiry date and any CVC.
          </p>
          <SandboxCardForm action={saveSandbox} payLabel="Save card" />
        </>
      )}
      <button type="button" onClick={() => setOpen(false)} className="text-sm font-medium text-slate-700 underline hover:text-slate-900">
        Keep the current card
      </button>
    </div>
  );
}
