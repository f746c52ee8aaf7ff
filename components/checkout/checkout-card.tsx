/** The frame of every checkout page: who is paid, what for, how much, then the content. */
export function CheckoutCard({
  merchantName,
  description,
  amount,
  testMode,
  children,
}: {
  merchantName: string;
  description?: string | null;
  amount?: string;
  testMode?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-7">
      <header className="mb-6 space-y-1">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-semibold text-slate-800" data-testid="checkout-merchant">
            {merchantName}
          </p>
          {testMode ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Test mode</span> : null}
        </div>
        {description ? <p className="text-sm text-slate-700">{description}</p> : null}
        {amount ? (
          <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="checkout-amount">
            {amount}
          </p>
        ) : null}
      </header>
      {children}
      <p className="mt-6 text-center text-xs text-slate-600">
        Payments by <span className="font-semibold text-brand-700">kassa</span>
      </p>
    </div>
  );
}

export function Notice({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {children ? <div className="space-y-2 text-sm text-slate-700">{children}</div> : null}
    </div>
  );
}
