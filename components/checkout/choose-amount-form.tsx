"use client";

import { useActionState } from "react";
import { Spinner } from "./spinner";

export function ChooseAmountForm({
  action,
  currency,
  step,
}: {
  action: (prev: { error: string } | null, form: FormData) => Promise<{ error: string }>;
  currency: string;
  step: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="amount" className="block text-sm font-medium text-slate-800">
          Amount ({currency})
        </label>
        <input
          id="amount"
          name="amount"
          type="number"
          inputMode="decimal"
          min="0"
          step={step}
          required
          aria-invalid={state?.error ? true : undefined}
          className="block w-full rounded-md border-0 px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600"
        />
      </div>
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
            <Spinner /> Starting…
          </>
        ) : (
          "Continue"
        )}
      </button>
    </form>
  );
}
