"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { CheckoutCryptoTransfer } from "@/lib/checkout/crypto-transfer-view";
import { Spinner } from "./spinner";
import type { Eip1193Provider } from "./wallet-transfer";

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

const walletOf = () => (window as unknown as { ethereum?: Eip1193Provider }).ethereum;
const never = () => () => undefined;

/** An EIP-1193 wallet in this browser: false in the server's HTML and during hydration. */
const useHasWallet = () =>
  useSyncExternalStore(
    never,
    () => typeof walletOf()?.request === "function",
    () => false,
  );

const primary =
  "flex w-full items-center justify-center gap-2 rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-80";
const secondary =
  "rounded-md px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";

/**
 * A crypto payment waiting for its transfer: the amount, the network, the deposit address with a copy
 * button, the QR (an <img> of Kassa's own SVG, never markup put into the page), the EIP-681 link, the
 * time left, and — only when the browser has an EIP-1193 wallet (window.ethereum) — Pay with wallet.
 */
export function CryptoTransfer({
  transfer,
  merchantName,
  status,
  onChooseAgain,
}: {
  transfer: CheckoutCryptoTransfer;
  merchantName: string;
  /** What the status refresh last said, in the customer's words. */
  status: string;
  onChooseAgain: () => void;
}) {
  const hydrated = useHydrated();
  const [now, setNow] = useState<number | null>(null);
  const hasWallet = useHasWallet();
  const [copied, setCopied] = useState(false);
  const [wallet, setWallet] = useState<{ state: "idle" | "working" } | { state: "sent"; hash: string } | { state: "error"; message: string }>({
    state: "idle",
  });
  const label = `${transfer.amount} ${transfer.symbol}`;

  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const t = setInterval(tick, 1000);
    return () => clearInterval(t);
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(transfer.address);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }

  async function payWithWallet() {
    const provider = walletOf();
    if (!provider || wallet.state === "working") return;
    setWallet({ state: "working" });
    try {
      const { sendTokenTransfer } = await import("./wallet-transfer");
      const hash = await sendTokenTransfer(provider, {
        chainId: transfer.chain_id,
        token: transfer.token_address,
        to: transfer.address,
        amount: transfer.amount_units,
      });
      setWallet({ state: "sent", hash });
    } catch (error) {
      const e = error as { reason?: string; message?: string };
      const message =
        e.reason === "unknown_chain"
          ? `Your wallet does not know ${transfer.network} (chain id ${transfer.chain_id}). Add it to your wallet, or send from another wallet to the address above.`
          : (e.message ?? "Your wallet could not send the transfer.");
      setWallet({ state: "error", message });
    }
  }

  const left = now === null ? null : transfer.expires_at * 1000 - now;
  return (
    <div className="space-y-4" data-testid="crypto-transfer">
      <h2 className="text-base font-semibold text-slate-900">Send {label}</h2>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-800">Amount</dt>
          <dd className="font-mono text-base text-slate-900" data-testid="crypto-amount">
            {label}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">Network</dt>
          <dd className="text-slate-800" data-testid="crypto-network">
            {transfer.network} (chain id {transfer.chain_id})
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-800">To this address</dt>
          <dd className="flex items-start gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1.5 text-xs text-slate-900" data-testid="crypto-address">
              {transfer.address}
            </code>
            <button type="button" onClick={copy} className={secondary} aria-label="Copy the address" disabled={!hydrated}>
              {copied ? "Copied" : "Copy"}
            </button>
          </dd>
        </div>
      </dl>
      <figure className="flex flex-col items-center gap-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL of the server's SVG, nothing to optimise */}
        <img
          src={transfer.qr_data_url}
          alt={`QR code to send ${label} to ${merchantName}`}
          width={220}
          height={220}
          className="h-56 w-56 rounded-md bg-white p-2 ring-1 ring-slate-200"
          data-testid="crypto-qr"
        />
        <figcaption className="text-center text-xs text-slate-700">Scan with your wallet app. Send {transfer.symbol} only, on this network.</figcaption>
      </figure>
      {hasWallet ? (
        <button
          type="button"
          onClick={payWithWallet}
          disabled={wallet.state === "working"}
          aria-busy={wallet.state === "working" || undefined}
          className={primary}
        >
          {wallet.state === "working" ? (
            <>
              <Spinner /> <span>Confirm in your wallet…</span>
            </>
          ) : (
            "Pay with wallet"
          )}
        </button>
      ) : null}
      <p className="text-center text-sm">
        <a className="font-medium text-brand-700 underline" href={transfer.eip681_uri}>
          Open in a wallet app
        </a>
      </p>
      {wallet.state === "sent" ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700" data-testid="crypto-wallet-sent">
          Sent from your wallet: transaction <span className="break-all font-mono">{wallet.hash}</span>.
        </p>
      ) : wallet.state === "error" ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="crypto-wallet-error">
          {wallet.message}
        </p>
      ) : null}
      <p className="text-sm text-slate-800">
        <span role="timer" data-testid="crypto-countdown">
          {hydrated && left !== null && left > 0 ? `Expires in ${clock(left)}` : hydrated && left !== null ? "Expired" : "\u00a0"}
        </span>
      </p>
      <p aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700" data-testid="crypto-status">
        <Spinner />
        <span>{status}</span>
      </p>
      <button type="button" onClick={onChooseAgain} className="text-sm font-medium text-slate-700 underline hover:text-slate-900">
        Choose another token
      </button>
    </div>
  );
}
