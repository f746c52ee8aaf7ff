"use client";

import { useActionState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { SandboxUpiAnswer } from "@/app/(checkout)/sandbox/upi/[txn]/actions";

const input =
  "block w-full rounded-md border-0 px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-600";

/** The sandbox UPI app's buttons: the payer's VPA (the app's own account), then Approve or Decline. */
export function SandboxUpiAppForm({
  action,
  defaultVpa,
  fixedVpa,
}: {
  action: (prev: SandboxUpiAnswer | null, form: FormData) => Promise<SandboxUpiAnswer>;
  defaultVpa: string;
  /** Collect: the request went to this VPA, so the app pays from it. */
  fixedVpa: string | null;
}) {
  const [answer, run, pending] = useActionState(action, null);
  const ready = useHydrated();
  const error = answer;
  const vpaError = error?.param === "payer_vpa" ? error : null;
  return (
    <form action={run} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="payer-vpa" className="block text-sm font-medium text-slate-800">
          Pay from (your UPI ID)
        </label>
        <input
          id="payer-vpa"
          name="payer_vpa"
          defaultValue={fixedVpa ?? defaultVpa}
          readOnly={fixedVpa !== null}
          autoCapitalize="none"
          spellCheck={false}
          className={input}
          aria-invalid={vpaError ? true : undefined}
          aria-describedby={vpaError ? "payer-vpa-error" : undefined}
        />
        {vpaError ? (
          <p id="payer-vpa-error" role="alert" className="text-sm text-red-800">
            {vpaError.message}
          </p>
        ) : null}
      </div>
      {error && !vpaError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <button
          type="submit"
          name="outcome"
          value="approve"
          disabled={pending || !ready}
          className="rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-80"
        >
          Approve
        </button>
        <button
          type="submit"
          name="outcome"
          value="decline"
          disabled={pending || !ready}
          className="rounded-md bg-white px-4 py-3 text-base font-semibold text-red-800 ring-1 ring-red-300 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-600 focus-visible:ring-offset-2 disabled:opacity-80"
        >
          Decline
        </button>
      </div>
    </form>
  );
}
