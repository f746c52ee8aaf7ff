"use client";

import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Spinner } from "./spinner";

type Flow = "intent" | "qr" | "collect";
export type UpiPayAnswer = { ok: true; url: string } | { ok: false; code: string; message: string; param: string | null };

const FLOWS: { id: Flow; label: string; hint: string }[] = [
  { id: "intent", label: "UPI app", hint: "Open your UPI app on this phone and approve there." },
  { id: "qr", label: "QR code", hint: "Scan a QR code with the UPI app on your phone." },
  { id: "collect", label: "UPI ID", hint: "Get a payment request in your UPI app." },
];

const input =
  "block w-full rounded-md border-0 px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-600";

/**
 * The UPI tab: how the customer approves (their app, a QR, or — when the merchant allows it — a request
 * to their UPI ID), then Pay. A VPA the server refuses is shown on the field with the server's own words.
 */
export function UpiPayForm({
  action,
  payLabel,
  collectEnabled,
  initialError = null,
}: {
  action: (form: FormData) => Promise<UpiPayAnswer>;
  payLabel: string;
  collectEnabled: boolean;
  initialError?: string | null;
}) {
  const [flow, setFlow] = useState<Flow>("intent");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field: boolean } | null>(initialError ? { message: initialError, field: false } : null);
  const ready = useHydrated();
  const locked = pending || !ready;
  const flows = FLOWS.filter((f) => f.id !== "collect" || collectEnabled);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const answer = await action(data);
      if (answer.ok) {
        window.location.assign(answer.url);
        return;
      }
      setError({ message: answer.message, field: flow === "collect" && (answer.param?.endsWith("[vpa]") ?? false) });
    } catch {
      setError({ message: "We could not reach Kassa. Check your connection and try again; nothing was charged.", field: false });
    }
    setPending(false);
  }

  const fieldError = error?.field ? error : null;
  const formError = error && !error.field ? error : null;
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">How do you want to pay?</legend>
        <div className="grid gap-2">
          {flows.map((f) => (
            <label
              key={f.id}
              className="flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <input
                type="radio"
                name="flow"
                value={f.id}
                checked={flow === f.id}
                onChange={() => {
                  setFlow(f.id);
                  setError(null);
                }}
                disabled={locked}
                className="mt-1"
                aria-describedby={`upi-flow-${f.id}-hint`}
              />
              <span>
                <span className="block text-sm font-semibold text-slate-900">{f.label}</span>
                <span id={`upi-flow-${f.id}-hint`} className="block text-xs text-slate-700">
                  {f.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {flow === "collect" ? (
        <div className="space-y-1">
          <label htmlFor="upi-vpa" className="block text-sm font-medium text-slate-800">
            UPI ID
          </label>
          <input
            id="upi-vpa"
            name="vpa"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            placeholder="name@bank"
            required
            className={input}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? "upi-vpa-error" : undefined}
            disabled={locked}
          />
          {fieldError ? (
            <p id="upi-vpa-error" role="alert" className="text-sm text-red-800">
              {fieldError.message}
            </p>
          ) : null}
        </div>
      ) : null}
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError.message}
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
