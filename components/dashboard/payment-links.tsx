"use client";

import { useActionState, useState } from "react";
import { createPaymentLinkAction, deactivatePaymentLinkAction } from "@/app/(dashboard)/payment-links/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

export function CreatePaymentLinkForm({ currencies, defaultCurrency }: { currencies: string[]; defaultCurrency: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: string; url: string }> | null, FormData>(createPaymentLinkAction, null);
  const [chooses, setChooses] = useState(false);
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-2">
        <Field label="Description" name="description" required maxLength={500} placeholder="Yoga class" />
        <SelectField label="Currency" name="currency" defaultValue={defaultCurrency}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </SelectField>
        <Field label="Amount" name="amount" inputMode="decimal" placeholder="25.00" disabled={chooses} required={!chooses} />
        <Field label="Quantity" name="quantity" type="number" min={1} max={100} defaultValue={1} />
        <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
          <input type="checkbox" name="customer_chooses" checked={chooses} onChange={(e) => setChooses(e.target.checked)} /> Let customers choose the amount
        </label>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create link"}
          </Button>
        </div>
      </form>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-800" data-testid="new-payment-link">
          Link created:{" "}
          <a className="font-mono text-brand-700 underline" href={state.data.url}>
            {state.data.url}
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function DeactivateLinkButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(deactivatePaymentLinkAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm("Deactivate this link? Customers who open it can no longer pay.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending}>
        Deactivate
      </Button>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
    </form>
  );
}
