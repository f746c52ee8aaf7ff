"use client";

import { useActionState } from "react";
import { Spinner } from "@/components/checkout/spinner";

/** The hosted invoice's Pay button: posts to the page's server action, which sends the customer on to the checkout. */
export function PayInvoiceForm({ action, label }: { action: (prev: { error: string } | null, form: FormData) => Promise<{ error: string }>; label: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      {state?.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-600 disabled:opacity-80"
      >
        {pending ? (
          <>
            <Spinner /> Opening the payment page…
          </>
        ) : (
          label
        )}
      </button>
    </form>
  );
}
