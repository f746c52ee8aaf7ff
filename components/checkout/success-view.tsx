"use client";

import { useEffect } from "react";

/** Seconds the success page shows before the customer is sent back to the merchant's success_url. */
const REDIRECT_AFTER_MS = 3000;

/**
 * The paid state. Embedded: tells the host page (only the origin registered for this session) and
 * lets embed.js close the overlay. Not embedded: returns to the merchant's success_url.
 */
export function SuccessEffects({
  sessionId,
  paymentId,
  embedOrigin,
  successUrl,
}: {
  sessionId: string;
  paymentId: string | null;
  embedOrigin: string | null;
  successUrl: string | null;
}) {
  useEffect(() => {
    if (embedOrigin) {
      if (window.parent !== window) window.parent.postMessage({ type: "kassa:checkout.completed", sessionId, paymentId }, embedOrigin);
      return;
    }
    if (!successUrl) return;
    const t = setTimeout(() => window.location.assign(successUrl), REDIRECT_AFTER_MS);
    return () => clearTimeout(t);
  }, [sessionId, paymentId, embedOrigin, successUrl]);
  return null;
}

/** Embedded: the customer closed the checkout without paying. */
export function CancelEmbedButton({ sessionId, embedOrigin }: { sessionId: string; embedOrigin: string }) {
  return (
    <button
      type="button"
      className="text-sm font-medium text-slate-700 underline hover:text-slate-900"
      onClick={() => window.parent.postMessage({ type: "kassa:checkout.canceled", sessionId }, embedOrigin)}
    >
      Cancel and return
    </button>
  );
}
