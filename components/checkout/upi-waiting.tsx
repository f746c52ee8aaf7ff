"use client";

import { useEffect, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { UpiWaitingView } from "@/lib/checkout/checkout-page-view";
import { Spinner } from "./spinner";

export type UpiStatusAnswer =
  | { ok: true; state: "pending" | "success" | "failed" | "expired"; expires_at: number | null; message: string | null }
  | { ok: false; code: string; message: string };

/** How often the page asks for the payment's status while it waits. */
const REFRESH_MS = 2000;

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * A UPI payment waiting for the customer's app: the QR (an <img> of the server's SVG, never markup put
 * into the page), the app link on narrow screens, a countdown to the expiry, and the page's own status
 * refresh every 2 s. Once the payment is paid, declined or expired the page loads again and shows that.
 */
export function UpiWaiting({
  flow,
  amount,
  merchantName,
  qrDataUrl,
  intentUrl,
  collectVpa,
  expiresAt,
  sandboxAppUrl,
  pageUrl,
  refresh,
}: UpiWaitingView & { refresh: () => Promise<UpiStatusAnswer> }) {
  const hydrated = useHydrated();
  const [now, setNow] = useState<number | null>(null);
  const [expiry, setExpiry] = useState(expiresAt);
  const [note, setNote] = useState<string | null>(null);
  const [done, setDone] = useState<"success" | "failed" | "expired" | null>(null);

  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (ms: number) => {
      if (!stopped) timer = setTimeout(check, ms);
    };
    async function check() {
      try {
        const answer = await refresh();
        if (stopped) return;
        if (!answer.ok) {
          if (answer.code === "rate_limited") return again(10_000);
          setNote(answer.message);
          return;
        }
        if (answer.state === "pending") {
          if (answer.expires_at) setExpiry(answer.expires_at);
          setNote(null);
          return again(REFRESH_MS);
        }
        setDone(answer.state);
        window.location.assign(pageUrl);
      } catch {
        if (stopped) return;
        setNote("We could not reach Kassa; still trying. Your payment is safe.");
        again(REFRESH_MS * 2);
      }
    }
    again(REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh, pageUrl]);

  const left = now === null ? null : expiry * 1000 - now;
  const status =
    done === "success"
      ? "Payment received."
      : done
        ? "The payment did not go through."
        : left !== null && left <= 0
          ? "Checking the payment one last time…"
          : flow === "collect"
            ? "Waiting for you to approve the request in your UPI app…"
            : "Waiting for you to approve the payment in your UPI app…";

  return (
    <div className="space-y-4" data-testid="upi-waiting">
      <h1 className="text-lg font-semibold text-slate-900">
        {flow === "collect" ? `Approve ${amount} in your UPI app` : flow === "qr" ? `Scan to pay ${amount}` : `Pay ${amount} with your UPI app`}
      </h1>
      {flow === "collect" ? (
        <p className="text-sm text-slate-700">
          We sent a payment request for {amount} to <span className="font-mono">{collectVpa}</span>. Open your UPI app and approve it.
        </p>
      ) : (
        <>
          {intentUrl ? (
            <a
              href={intentUrl}
              className="flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 sm:hidden"
            >
              Open UPI app
            </a>
          ) : null}
          {qrDataUrl ? (
            <figure className="flex flex-col items-center gap-2">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL of the server's SVG, nothing to optimise */}
              <img
                src={qrDataUrl}
                alt={`UPI QR code to pay ${amount} to ${merchantName}`}
                width={220}
                height={220}
                className="h-56 w-56 rounded-md bg-white p-2 ring-1 ring-slate-200"
                data-testid="upi-qr"
              />
              <figcaption className="text-center text-xs text-slate-700">Scan with any UPI app (Google Pay, PhonePe, Paytm, BHIM…).</figcaption>
            </figure>
          ) : null}
        </>
      )}
      <p className="text-sm text-slate-800">
        <span role="timer" data-testid="upi-countdown">
          {hydrated && left !== null && left > 0 ? `Expires in ${clock(left)}` : hydrated && left !== null ? "Expired" : "\u00a0"}
        </span>
      </p>
      <p aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700" data-testid="upi-status">
        {done ? null : <Spinner />}
        <span>{status}</span>
      </p>
      {note ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {note}
        </p>
      ) : null}
      {sandboxAppUrl ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
          Test mode: no real UPI app is involved.{" "}
          <a className="font-medium text-brand-700 underline" href={sandboxAppUrl} target="_blank" rel="noopener">
            Open the sandbox UPI app
          </a>{" "}
          to approve or decline.
        </p>
      ) : null}
    </div>
  );
}
