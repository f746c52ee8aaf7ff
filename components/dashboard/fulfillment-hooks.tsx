"use client";

import { useActionState } from "react";
import { createHookAction, deleteHookAction } from "@/app/(dashboard)/developers/fulfillment-hooks/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

const Problem = ({ state }: { state: ActionResult<unknown> | null }) =>
  state && !state.ok ? (
    <Alert>
      {state.error} <span className="font-mono text-xs">({state.code})</span>
    </Alert>
  ) : null;

/** The form while no hook exists; the new hook's secret stays shown after it (the page then lists the hook). */
export function CreateHookForm({ livemode, hasHook }: { livemode: boolean; hasHook: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: string; secret: string }> | null, FormData>(createHookAction, null);
  const placeholder = (path: string) => `https://shop.example.com/kassa/${path}`;
  return (
    <div className="space-y-4">
      {hasHook ? (
        state?.ok ? null : (
          <p className="text-sm text-slate-600">One hook per mode: delete the current one to register another.</p>
        )
      ) : (
        <form action={action} aria-label="Add a fulfilment hook" className="grid gap-3 sm:grid-cols-2">
          <Field label="Reserve URL" name="reserve_url" type="url" required placeholder={placeholder("reserve")} />
          <Field label="Confirm URL" name="confirm_url" type="url" required placeholder={placeholder("confirm")} />
          <Field label="Release URL" name="release_url" type="url" required placeholder={placeholder("release")} />
          <Field label="Description" name="description" placeholder="Optional" maxLength={500} />
          <div className="flex items-end">
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add fulfilment hook"}
            </Button>
          </div>
        </form>
      )}
      {livemode ? <p className="text-sm text-slate-600">Live mode hooks must use https.</p> : null}
      <Problem state={state} />
      {state?.ok ? (
        <div className="space-y-1 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="hook-secret">
          <p className="text-sm text-emerald-900">The hook&apos;s signing secret, shown once: verify each call with it (Standard Webhooks).</p>
          <code className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200">{state.data.secret}</code>
        </div>
      ) : null}
    </div>
  );
}

export function DeleteHookButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(deleteHookAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm("Delete this fulfilment hook? Orders created afterwards call no merchant endpoint.")) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Delete
      </Button>
      <Problem state={state} />
    </form>
  );
}
