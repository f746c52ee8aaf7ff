"use client";

import { useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import { Spinner } from "./spinner";

export type WalletStateAnswer = { state: "waiting" } | { state: "complete" } | { state: "failed"; message: string };

/** How often an embedded checkout asks where its PayPal payment stands while the PayPal window is open. */
const POLL_MS = 2000;

/**
 * The PayPal button. Hosted: the page goes to PayPal's approval page (the sandbox's simulated one in test
 * mode) and PayPal sends it back. Embedded: PayPal's pages refuse to be framed, so approval opens in its own
 * window — opened at the click, before the server answers, so no popup blocker stops it — and the checkout
 * waits, asking Kassa every 2 s, then closes that window and shows the result.
 */
export function PayPalButton({
  pay,
  state,
  pageUrl,
  embedded,
  initialError = null,
  waitingUrl = null,
}: {
  pay: () => Promise<CheckoutStep>;
  state: () => Promise<WalletStateAnswer>;
  /** The checkout page, loaded again once the payment is done. */
  pageUrl: string;
  embedded: boolean;
  initialError?: string | null;
  /** Embedded, with the payment already waiting on PayPal: its approval page, to open again. */
  waitingUrl?: string | null;
}) {
  const ready = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [approvalUrl, setApprovalUrl] = useState<string | null>(waitingUrl);
  const popup = useRef<Window | null>(null);

  useEffect(() => {
    if (!approvalUrl) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function check() {
      try {
        const answer = await state();
        if (stopped) return;
        if (answer.state === "complete") {
          popup.current?.close();
          window.location.assign(pageUrl);
          return;
        }
        if (answer.state === "failed") {
          popup.current?.close();
          setApprovalUrl(null);
          setPending(false);
          setError(answer.message);
          return;
        }
      } catch {
        // Offline for a moment: ask again.
      }
      if (!stopped) timer = setTimeout(check, POLL_MS);
    }
    timer = setTimeout(check, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [approvalUrl, state, pageUrl]);

  async function click() {
    if (pending) return;
    setPending(true);
    setError(null);
    // Embedded: the window opens now, inside the click; it is pointed at PayPal once Kassa has made the order.
    if (embedded) popup.current = window.open("about:blank", "kassa-paypal", "popup,width=480,height=700");
    try {
      const step = await pay();
      if (!step.ok || step.next === "stripe_action") {
        popup.current?.close();
        setError(step.ok ? "PayPal could not be started. Nothing was charged; try again." : step.message);
        setPending(false);
        return;
      }
      if (!embedded || step.next === "complete") {
        popup.current?.close();
        window.location.assign(step.url);
        return;
      }
      if (popup.current && !popup.current.closed) popup.current.location.href = step.url;
      setApprovalUrl(step.url);
    } catch {
      popup.current?.close();
      setError("We could not reach Kassa. Check your connection and try again; nothing was charged.");
      setPending(false);
    }
  }

  if (approvalUrl) {
    return (
      <div className="rounded-md bg-slate-50 px-4 py-4 text-sm text-slate-800 ring-1 ring-slate-200" role="status" data-testid="paypal-waiting">
        <p className="flex items-center gap-2 font-medium">
          <Spinner /> Finish paying in the PayPal window.
        </p>
        <p className="mt-2">
          Don&apos;t see it?{" "}
          <button
            type="button"
            className="font-medium text-brand-700 underline"
            onClick={() => (popup.current = window.open(approvalUrl, "kassa-paypal", "popup,width=480,height=700"))}
          >
            Open PayPal again
          </button>
        </p>
      </div>
    );
  }
  return (
    <div>
      <button
        type="button"
        onClick={click}
        disabled={!ready || pending}
        aria-describedby={error ? "paypal-error" : undefined}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-[#ffc439] px-4 py-3 text-base font-semibold text-slate-900 hover:bg-[#f2ba36] disabled:opacity-60"
      >
        {pending ? <Spinner /> : null}
        Pay with PayPal
      </button>
      {error ? (
        <p id="paypal-error" role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
