"use client";

import { useActionState, useState } from "react";
import { createKeyAction, revokeKeyAction, rollKeyAction, type NewKey } from "@/app/(dashboard)/developers/api-keys/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

export function RevealedKey({ created }: { created: NewKey }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2 rounded-md bg-emerald-50 p-4 ring-1 ring-emerald-200" data-testid="new-key">
      <p className="text-sm font-medium text-emerald-900">
        {created.kind !== "publishable" ? "Copy your new secret key now. For your security it will not be shown again." : "Your new publishable key:"}
      </p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200" data-testid="new-key-value">
          {created.secret}
        </code>
        <Button type="button" variant="secondary" onClick={() => navigator.clipboard?.writeText(created.secret).then(() => setCopied(true))}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

/** `resources`: what a restricted key may be granted, with the levels the member's own role allows. */
export function CreateKeyForm({ livemode, resources }: { livemode: boolean; resources: { name: string; levels: string[] }[] }) {
  const [state, action, pending] = useActionState<ActionResult<NewKey> | null, FormData>(createKeyAction, null);
  const [kind, setKind] = useState("secret");
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <input type="hidden" name="mode" value={livemode ? "live" : "test"} />
        <Field label="Key name" name="name" placeholder="e.g. Checkout server" required maxLength={80} />
        <SelectField label="Type" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="secret">Secret key</option>
          <option value="restricted">Restricted key</option>
          <option value="publishable">Publishable key</option>
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : `Create ${livemode ? "live" : "test"} key`}
        </Button>
        {kind === "restricted" ? (
          <fieldset className="grid gap-2 sm:col-span-3 sm:grid-cols-3" data-testid="key-permissions">
            <legend className="mb-1 text-sm text-slate-600">What this key may do (and no more than your role can)</legend>
            {resources.map((r) => (
              <SelectField key={r.name} label={r.name.replace("_", " ")} name={`permissions.${r.name}`} defaultValue="none">
                <option value="none">None</option>
                {r.levels.map((l) => (
                  <option key={l} value={l}>
                    {l === "read" ? "Read" : "Write"}
                  </option>
                ))}
              </SelectField>
            ))}
          </fieldset>
        ) : null}
      </form>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? <RevealedKey created={state.data} /> : null}
    </div>
  );
}

export function KeyActions({ id, name, canRoll }: { id: string; name: string; canRoll: boolean }) {
  const [rolled, roll, rolling] = useActionState<ActionResult<NewKey> | null, FormData>(rollKeyAction, null);
  const [revoked, revoke, revoking] = useActionState<ActionResult<null> | null, FormData>(revokeKeyAction, null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {canRoll ? (
          <form
            action={roll}
            onSubmit={(e) => {
              if (!confirm(`Roll "${name}"? The old key keeps working for 24 hours.`)) e.preventDefault();
            }}
          >
            <input type="hidden" name="id" value={id} />
            <Button type="submit" variant="secondary" disabled={rolling}>
              Roll
            </Button>
          </form>
        ) : null}
        <form
          action={revoke}
          onSubmit={(e) => {
            if (!confirm(`Revoke "${name}" now? Calls with it will fail at once.`)) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={revoking} aria-label={`Revoke ${name}`}>
            Revoke
          </Button>
        </form>
      </div>
      {rolled && !rolled.ok ? <Alert>{rolled.error}</Alert> : null}
      {revoked && !revoked.ok ? <Alert>{revoked.error}</Alert> : null}
      {rolled?.ok ? <RevealedKey created={rolled.data} /> : null}
    </div>
  );
}
