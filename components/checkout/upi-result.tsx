"use client";

import { useState } from "react";

/**
 * A UPI try that ended without the money: declined in the customer's app, or not approved before it
 * expired. Nothing was charged; Try again shows the payment methods (UPI first) for another try.
 */
export function UpiResult({ kind, message, children }: { kind: "failed" | "expired"; message: string; children: React.ReactNode }) {
  const [retry, setRetry] = useState(false);
  if (retry) return <>{children}</>;
  return (
    <div className="space-y-3" data-testid={`upi-${kind}`}>
      <h1 className="text-xl font-semibold text-slate-900">{kind === "expired" ? "The UPI payment expired" : "The UPI payment failed"}</h1>
      <p className="text-sm text-slate-700">{message}</p>
      <button
        type="button"
        onClick={() => setRetry(true)}
        className="w-full rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
      >
        Try again
      </button>
    </div>
  );
}
