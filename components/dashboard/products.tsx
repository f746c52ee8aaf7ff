"use client";

import Link from "next/link";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { addPriceAction, createProductAction, setPriceActiveAction, setProductActiveAction } from "@/app/(dashboard)/products/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

const INTERVALS = ["day", "week", "month", "year"] as const;

/**
 * Submits without React's automatic form reset, so a refused form keeps what was typed (and the
 * one-off/recurring choice); a successful one is remounted empty through its `key`.
 */
function keepOnError(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
}

/** Amount, currency, and one-off or recurring with its interval: the terms every price form asks for. */
function PriceFields({ currencies, defaultCurrency, error }: { currencies: string[]; defaultCurrency: string; error?: ActionResult<unknown> | null }) {
  const [billing, setBilling] = useState<"one_time" | "recurring">("recurring");
  const errorOn = (param: string) => (error && !error.ok && error.param?.endsWith(param) ? error.error : undefined);
  return (
    <>
      <Field label="Amount" name="amount" inputMode="decimal" placeholder="25.00" required error={errorOn("amount")} />
      <SelectField label="Currency" name="currency" defaultValue={defaultCurrency}>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c.toUpperCase()}
          </option>
        ))}
      </SelectField>
      <SelectField label="Billing" name="billing" value={billing} onChange={(e) => setBilling(e.target.value as typeof billing)}>
        <option value="recurring">Recurring</option>
        <option value="one_time">One-off</option>
      </SelectField>
      {billing === "recurring" ? (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Every" name="interval_count" type="number" min={1} max={1095} defaultValue={1} error={errorOn("interval_count")} />
          <SelectField label="Interval" name="interval" defaultValue="month">
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
    </>
  );
}

export function CreateProductForm({ currencies, defaultCurrency }: { currencies: string[]; defaultCurrency: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(createProductAction, null);
  return (
    <div className="space-y-4">
      <form
        key={state?.ok ? state.data.id : "new"}
        action={action}
        onSubmit={keepOnError(action)}
        className="grid gap-3 sm:grid-cols-2"
        aria-label="New product"
      >
        <Field label="Name" name="name" required maxLength={250} placeholder="Gym membership" />
        <Field label="Description" name="description" maxLength={1000} placeholder="Optional" />
        <PriceFields currencies={currencies} defaultCurrency={defaultCurrency} error={state} />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create product"}
          </Button>
        </div>
      </form>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-800" data-testid="new-product">
          Product created:{" "}
          <Link className="font-mono text-brand-700 underline" href={`/products/${state.data.id}`}>
            {state.data.id}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export function AddPriceForm({ product, currencies, defaultCurrency }: { product: string; currencies: string[]; defaultCurrency: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(addPriceAction, null);
  return (
    <div className="space-y-4">
      <form
        key={state?.ok ? state.data.id : "new"}
        action={action}
        onSubmit={keepOnError(action)}
        className="grid gap-3 sm:grid-cols-2"
        aria-label="Add a price"
      >
        <input type="hidden" name="product" value={product} />
        <PriceFields currencies={currencies} defaultCurrency={defaultCurrency} error={state} />
        <Field label="Nickname" name="nickname" maxLength={250} placeholder="Optional, e.g. Annual" />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add price"}
          </Button>
        </div>
      </form>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-800" data-testid="new-price">
          Price added: <span className="font-mono">{state.data.id}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Archive or unarchive a product or one of its prices. */
export function ActiveToggle({ kind, id, product, active, label }: { kind: "product" | "price"; id: string; product: string; active: boolean; label: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(
    kind === "product" ? setProductActiveAction : setPriceActiveAction,
    null,
  );
  return (
    <form action={action} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="product" value={product} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending} aria-label={`${active ? "Archive" : "Unarchive"} ${label}`}>
        {active ? "Archive" : "Unarchive"}
      </Button>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
    </form>
  );
}
