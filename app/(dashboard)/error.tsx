"use client";

import Link from "next/link";

/** Any dashboard page that fails to render: say so plainly, offer a retry, never a blank page. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg rounded-lg bg-white p-6 shadow-sm ring-1 ring-red-200">
      <h1 className="text-lg font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-700">
        Something went wrong on our side while reading your data. Nothing was changed. Try again in a moment; if it keeps happening, contact support
        {error.digest ? (
          <>
            {" "}
            and quote <span className="font-mono text-xs">{error.digest}</span>
          </>
        ) : null}
        .
      </p>
      <div className="mt-4 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:ring-2 focus-visible:ring-brand-500"
        >
          Try again
        </button>
        <Link href="/dashboard" className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-slate-100">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
