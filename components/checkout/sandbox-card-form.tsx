"use client";

import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import { Spinner } from "./spinner";

const input =
  "block w-full rounded-md border-0 px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-600";

const groups = (digits: string) =>
  digits
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
function expiry(value: string) {
  const d = value.replace(/\D/g, "").slice(0, 4);
  return d.length > 2 ? `${d.slice(0, 2)} / ${d.slice(2)}` : d;
}

/**
 * Kassa's own card form for test mode. The number, expiry and CVC are posted to the server action
 * only (never put in the URL), which maps a test number to a sandbox payment method.
 */
export function SandboxCardForm({
  action,
  payLabel,
  initialError = null,
}: {
  action: (form: FormData) => Promise<CheckoutStep>;
  payLabel: string;
  initialError?: string | null;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; param: string | null } | null>(initialError ? { message: initialError, param: null } : null);
  const [number, setNumber] = useState("");
  const [exp, setExp] = useState("");
  // Until React has hydrated, typing would be reset and a submit would post the card natively:
  // the fields stay disabled for that moment.
  const ready = useHydrated();
  const locked = pending || !ready;

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const step = await action(data);
      if (step.ok && step.next !== "stripe_action") {
        window.location.assign(step.url);
        return;
      }
      const message = step.ok ? "This payment needs a step the card form cannot take." : step.message;
      const param = step.ok
        ? null
        : step.code === "incorrect_number"
          ? "number"
          : step.code === "invalid_expiry_year"
            ? "expiry"
            : step.code === "invalid_cvc"
              ? "cvc"
              : null;
      setError({ message, param });
      setPending(false);
    } catch {
      setError({ message: "We could not reach Kassa. Check your connection and try again; nothing was charged.", param: null });
      setPending(false);
    }
  }

  const invalid = (name: string) => (error?.param === name ? true : undefined);
  return (
    <form method="post" onSubmit={submit} className="space-y-4" aria-describedby={error ? "card-error" : undefined} noValidate>
      <div className="space-y-1">
        <label htmlFor="card-number" className="block text-sm font-medium text-slate-800">
          Card number
        </label>
        <input
          id="card-number"
          name="number"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          required
          className={input}
          value={number}
          onChange={(e) => setNumber(groups(e.target.value))}
          aria-invalid={invalid("number")}
          disabled={locked}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="space-y-1">
          <label htmlFor="card-expiry" className="block text-sm font-medium text-slate-800">
            Expiry date
          </label>
          <input
            id="card-expiry"
            name="expiry"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM / YY"
            required
            className={input}
            value={exp}
            onChange={(e) => setExp(expiry(e.target.value))}
            aria-invalid={invalid("expiry")}
            disabled={locked}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="card-cvc" className="block text-sm font-medium text-slate-800">
            CVC
          </label>
          <input
            id="card-cvc"
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            required
            className={input}
            aria-invalid={invalid("cvc")}
            disabled={locked}
          />
        </div>
      </div>
      {error ? (
        <p id="card-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={locked}
        aria-busy={pending || undefined}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-80"
      >
        {pending ? (
          <>
            <Spinner /> <span>Processing…</span>
          </>
        ) : (
          payLabel
        )}
      </button>
    </form>
  );
}
