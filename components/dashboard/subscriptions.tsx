"use client";

import Link from "next/link";
import { startTransition, useActionState, type FormEvent } from "react";
import {
  cancelNowAction,
  createSubscriptionAction,
  pauseAction,
  resumeAction,
  setCancelAtPeriodEndAction,
  type NewSubscription,
} from "@/app/(dashboard)/subscriptions/actions";
import { markUncollectibleAction, voidInvoiceAction } from "@/app/(dashboard)/invoices/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { ActionError, fieldError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { reasonWords } from "./subscription-labels";

export interface Choice {
  value: string;
  label: string;
}

/** Submits without React's form reset, so a refused form keeps what was chosen. */
function keepOnError(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => dispatch(form));
  };
}

/** Subscribe a customer to a recurring price: quantity and an optional trial. */
export function NewSubscriptionForm({ customers, prices, defaultCustomer }: { customers: Choice[]; prices: Choice[]; defaultCustomer?: string }) {
  const [state, action, pending] = useActionState<ActionResult<NewSubscription> | null, FormData>(createSubscriptionAction, null);
  const made = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      <form action={action} onSubmit={keepOnError(action)} className="grid gap-3 sm:grid-cols-2" aria-label="New subscription">
        <SelectField label="Customer" name="customer" defaultValue={defaultCustomer ?? ""} required>
          <option value="" disabled>
            Choose a customer
          </option>
          {customers.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Price" name="price" defaultValue="" required>
          <option value="" disabled>
            Choose a recurring price
          </option>
          {prices.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <Field label="Quantity" name="quantity" type="number" min={1} max={10000} defaultValue={1} error={fieldError(state, "items[0][quantity]")} />
        <Field
          label="Trial days"
          name="trial_period_days"
          type="number"
          min={1}
          max={730}
          placeholder="No trial"
          hint="The first charge is at the trial's end."
          error={fieldError(state, "trial_period_days")}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Subscribing…" : "Create subscription"}
          </Button>
        </div>
      </form>
      {state && !state.ok && !fieldError(state, "items[0][quantity]", "trial_period_days") ? <ActionError error={state.error} code={state.code} /> : null}
      {made ? (
        made.status === "incomplete" ? (
          <Alert tone="amber">
            <span data-testid="new-subscription">
              Subscription{" "}
              <Link className="font-mono underline" href={`/subscriptions/${made.id}`}>
                {made.id}
              </Link>{" "}
              was created but is <strong>incomplete</strong>: its first payment did not go through because{" "}
              {reasonWords(made.status_reason) ?? "it is not paid yet"}. It expires in 23 hours unless its first invoice is paid.
            </span>{" "}
            {made.status_reason ? (
              <code className="rounded bg-amber-100 px-1 text-xs" data-testid="error-code">
                {made.status_reason.decline_code ?? made.status_reason.code}
              </code>
            ) : null}
          </Alert>
        ) : (
          <p role="status" className="text-sm text-emerald-800" data-testid="new-subscription">
            Subscription {made.status.replaceAll("_", " ")}:{" "}
            <Link className="font-mono text-brand-700 underline" href={`/subscriptions/${made.id}`}>
              {made.id}
            </Link>
          </p>
        )
      ) : null}
    </div>
  );
}

/** One button in a form of its own, with the refusal shown under it. */
function ActionButton({
  action,
  fields,
  label,
  name,
  pendingLabel,
  variant = "secondary",
  children,
}: {
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
  fields: Record<string, string>;
  label: string;
  /** The button's accessible name when its label alone does not say what it acts on. */
  name?: string;
  pendingLabel: string;
  variant?: "secondary" | "danger";
  children?: React.ReactNode;
}) {
  const [state, dispatch, pending] = useActionState<ActionResult<null> | null, FormData>(action, null);
  return (
    <form action={dispatch} className="space-y-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <Button type="submit" variant={variant} disabled={pending} aria-label={name}>
        {pending ? pendingLabel : label}
      </Button>
      {state && !state.ok ? <ActionError error={state.error} code={state.code} /> : null}
    </form>
  );
}

/** What a member with subscriptions:write may do to a subscription in its status. */
export function SubscriptionActions({ id, status, cancelAtPeriodEnd }: { id: string; status: string; cancelAtPeriodEnd: boolean }) {
  const live = ["active", "trialing", "past_due", "unpaid", "incomplete", "paused"].includes(status);
  if (!live) return <p className="text-sm text-slate-600">This subscription has ended; nothing more can be done to it.</p>;
  return (
    <div className="flex flex-wrap items-start gap-6" data-testid="subscription-actions">
      {status !== "incomplete" ? (
        <ActionButton
          action={setCancelAtPeriodEndAction}
          fields={{ id, cancel_at_period_end: cancelAtPeriodEnd ? "false" : "true" }}
          label={cancelAtPeriodEnd ? "Don't cancel" : "Cancel at period end"}
          pendingLabel="Saving…"
        />
      ) : null}
      {["active", "trialing", "past_due"].includes(status) ? <ActionButton action={pauseAction} fields={{ id }} label="Pause" pendingLabel="Pausing…" /> : null}
      {status === "paused" ? <ActionButton action={resumeAction} fields={{ id }} label="Resume" pendingLabel="Resuming…" /> : null}
      <ActionButton action={cancelNowAction} fields={{ id }} label="Cancel now" pendingLabel="Canceling…" variant="danger">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="prorate" className="h-4 w-4 rounded border-slate-300" />
          Credit the unused time (prorate)
        </label>
      </ActionButton>
    </div>
  );
}

/** Void or mark uncollectible an open invoice. */
export function InvoiceActions({ id, number, subscription }: { id: string; number: string; subscription: string | null }) {
  const fields = { id, subscription: subscription ?? "" };
  return (
    <div className="flex flex-wrap justify-end gap-2">
      <ActionButton action={voidInvoiceAction} fields={fields} label="Void" name={`Void ${number}`} pendingLabel="Voiding…" variant="danger" />
      <ActionButton action={markUncollectibleAction} fields={fields} label="Uncollectible" name={`Mark ${number} uncollectible`} pendingLabel="Saving…" />
    </div>
  );
}
