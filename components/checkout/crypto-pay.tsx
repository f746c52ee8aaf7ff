"use client";

import { useEffect, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { CheckoutCryptoTransfer } from "@/lib/checkout/crypto-transfer-view";
import { CryptoTransfer } from "./crypto-transfer";
import { Spinner } from "./spinner";

export type CryptoChoiceAnswer =
  | { ok: true; state: "transfer"; transfer: CheckoutCryptoTransfer }
  | { ok: true; state: "complete" }
  | { ok: false; code: string; message: string; param: string | null };
export type CryptoStatusAnswer =
  | {
      ok: true;
      state: "pending" | "success" | "expired" | "canceled";
      remaining: string | null;
      confirming: boolean;
      expires_at: number | null;
      message: string | null;
    }
  | { ok: false; code: string; message: string };

export interface CryptoTokenChoice {
  id: string;
  symbol: string;
  name: string;
  /** The session's amount in this token, as read ("12.50"). */
  amount: string;
}

/** How often the tab asks for the payment's status while it waits. */
const REFRESH_MS = 2000;

type Status = "waiting" | "confirming" | "received" | "unreachable" | { note: string };
const STATUS = {
  waiting: "Waiting for your transfer…",
  confirming: "Your transfer is on chain: waiting for its confirmations…",
  received: "Payment received.",
  unreachable: "We could not reach Kassa; still trying. Your payment is safe.",
} as const;

const NOT_REACHED = "We could not reach Kassa. Check your connection and try again; nothing was charged.";

/**
 * The crypto tab: the customer picks a USD stablecoin, gets the session's amount in it with its own
 * deposit address (the same payment again on a reload), and the tab asks Kassa every 2 s until the chain
 * has paid it; then the page loads again and shows the success. A window that closes unpaid goes back
 * to the choice with the reason.
 */
export function CryptoPay({
  tokens,
  initial,
  merchantName,
  pageUrl,
  choose,
  refresh,
}: {
  tokens: CryptoTokenChoice[];
  /** A payment already waiting (the page was reloaded). */
  initial: CheckoutCryptoTransfer | null;
  merchantName: string;
  pageUrl: string;
  choose: (token: string) => Promise<CryptoChoiceAnswer>;
  refresh: (paymentId: string) => Promise<CryptoStatusAnswer>;
}) {
  const ready = useHydrated();
  const [token, setToken] = useState(initial?.token ?? tokens[0]!.id);
  const [transfer, setTransfer] = useState<CheckoutCryptoTransfer | null>(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>("waiting");
  const [partial, setPartial] = useState(false);
  const locked = pending || !ready;
  const chosen = tokens.find((t) => t.id === token) ?? tokens[0]!;

  async function start(id: string): Promise<void> {
    setPending(true);
    setError(null);
    try {
      const answer = await choose(id);
      if (!answer.ok) setError(answer.message);
      else if (answer.state === "complete") return window.location.assign(pageUrl);
      else {
        setTransfer(answer.transfer);
        setStatus("waiting");
        setPartial(false);
      }
    } catch {
      setError(NOT_REACHED);
    }
    setPending(false);
  }

  useEffect(() => {
    if (!transfer) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (ms: number) => {
      if (!stopped) timer = setTimeout(check, ms);
    };
    async function check() {
      try {
        const answer = await refresh(transfer!.payment);
        if (stopped) return;
        if (!answer.ok) {
          if (answer.code === "rate_limited") return again(10_000);
          setStatus({ note: answer.message });
          return;
        }
        if (answer.state === "success") {
          setStatus("received");
          window.location.assign(pageUrl);
          return;
        }
        if (answer.state !== "pending") {
          setTransfer(null);
          setError(answer.message);
          return;
        }
        if (answer.remaining !== null && answer.remaining !== transfer!.amount_units) {
          // Part of it arrived: the same address now asks for the rest (a new amount, link and QR).
          const next = await choose(transfer!.token);
          if (stopped) return;
          if (next.ok && next.state === "transfer") {
            setPartial(true);
            setTransfer(next.transfer);
            return;
          }
          if (next.ok) return window.location.assign(pageUrl);
          return again(REFRESH_MS);
        }
        setStatus(answer.confirming ? "confirming" : "waiting");
        again(REFRESH_MS);
      } catch {
        if (stopped) return;
        setStatus("unreachable");
        again(REFRESH_MS * 2);
      }
    }
    again(REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [transfer, refresh, choose, pageUrl]);

  if (transfer) {
    const said =
      typeof status === "object"
        ? status.note
        : status === "waiting" && partial
          ? `Part of the payment arrived. Send the remaining ${transfer.amount} ${transfer.symbol} to the same address.`
          : STATUS[status];
    return <CryptoTransfer transfer={transfer} merchantName={merchantName} status={said} onChooseAgain={() => setTransfer(null)} />;
  }
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void start(token);
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Choose a stablecoin</legend>
        <div className="grid gap-2">
          {tokens.map((t) => (
            <label
              key={t.id}
              className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-3 py-2.5 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <span className="flex items-center gap-3">
                <input
                  type="radio"
                  name="token"
                  value={t.id}
                  checked={token === t.id}
                  onChange={() => {
                    setToken(t.id);
                    setError(null);
                  }}
                  disabled={locked}
                  aria-describedby={`crypto-token-${t.id}-name`}
                />
                <span>
                  <span className="block text-sm font-semibold text-slate-900">{t.symbol}</span>
                  <span id={`crypto-token-${t.id}-name`} className="block text-xs text-slate-700">
                    {t.name}
                  </span>
                </span>
              </span>
              <span className="font-mono text-sm text-slate-800">
                {t.amount} {t.symbol}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
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
            <Spinner /> <span>Getting your address…</span>
          </>
        ) : (
          `Pay ${chosen.amount} ${chosen.symbol}`
        )}
      </button>
      <p className="text-xs text-slate-700">1 {chosen.symbol} = 1 US dollar. You send from your own wallet and pay the network fee.</p>
    </form>
  );
}
