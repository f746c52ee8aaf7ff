"use client";

import { useActionState } from "react";
import { Spinner } from "@/components/checkout/spinner";

export type CancelState = { ok: boolean; message: string } | null;

/**
 * Cancel at period end, or keep a subscription that is set to cancel: a POST to the portal's server action
 * (it works without JavaScript too). The subscription's id rides in the form; the action checks it against
 * the session's customer.
 */
export function CancelForm({
  action,
  subscription,
  cancelAtPeriodEnd,
  periodEnd,
}: {
  action: (prev: CancelState, form: FormData) => Promise<CancelState>;
  subscription: string;
  cancelAtPeriodEnd: boolean;
  periodEnd: string;
}) {
  const [state, submit, pending] = useActionState(action, null);
  const cancel = !cancelAtPeriodEnd;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="subscription" value={subscription} />
      <input type="hidden" name="cancel" value={cancel ? "true" : "false"} />
      {cancel ? <p className="text-xs text-slate-600">You keep it until {periodEnd}, and are not charged after.</p> : null}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending || undefined}
        className={`inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-semibold shadow-sm ring-1 ring-inset focus-visible:ring-2 focus-visible:ring-brand-600 disabled:cursor-wait disabled:opacity-80 ${
          cancel ? "bg-white text-red-800 ring-red-300 hover:bg-red-50" : "bg-brand-700 text-white ring-brand-700 hover:bg-brand-600"
        }`}
      >
        {pending ? <Spinner /> : null}
        {cancel ? "Cancel at end of period" : "Keep subscription"}
      </button>
      {state && !state.ok ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
