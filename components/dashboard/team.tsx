"use client";

import { useActionState, useState, useTransition } from "react";
import { useOrigin } from "@/components/ui/use-hydrated";
import { changeRoleAction, inviteAction, removeMemberAction, revokeInvitationAction, type InviteLink } from "@/app/(dashboard)/settings/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

const ROLES = ["owner", "admin", "developer", "analyst", "support"] as const;

export function InviteForm({ canInviteOwner }: { canInviteOwner: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<InviteLink> | null, FormData>(inviteAction, null);
  const origin = useOrigin();
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <input type="hidden" name="origin" value={origin} />
        <Field label="Email" name="email" type="email" required placeholder="teammate@example.com" />
        <SelectField label="Role" name="role" defaultValue="developer">
          {ROLES.filter((r) => canInviteOwner || r !== "owner").map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {state && !state.ok ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? (
        <div className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm ring-1 ring-emerald-200" data-testid="invite-link">
          <p className="text-emerald-900">
            Send this link to {state.data.email} ({state.data.role}). It works once, for 7 days, and is not shown again.
          </p>
          <code className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200">{state.data.url}</code>
        </div>
      ) : null}
    </div>
  );
}

export function RoleSelect({ membership, role, email, options }: { membership: string; role: string; email: string; options: readonly string[] }) {
  // Called directly rather than as a form action: a form action resets the form, which would
  // show the old role until the page's data came back.
  const [value, setValue] = useState(role);
  const [state, setState] = useState<ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (next: string) => {
    const previous = value;
    setValue(next);
    const form = new FormData();
    form.set("membership", membership);
    form.set("role", next);
    startTransition(async () => {
      const result = await changeRoleAction(null, form);
      setState(result);
      if (!result.ok) setValue(previous);
    });
  };
  return (
    <div className="flex items-center gap-2">
      <select
        value={value}
        aria-label={`Role of ${email}`}
        disabled={pending}
        onChange={(e) => change(e.currentTarget.value)}
        className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
      >
        {options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {pending ? (
        <span role="status" className="text-xs text-slate-500">
          Saving…
        </span>
      ) : null}
      {!pending && state?.ok ? (
        <span role="status" className="text-xs text-emerald-700">
          Saved
        </span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </div>
  );
}

export function RemoveMember({ membership, email }: { membership: string; email: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(removeMemberAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirm(`Remove ${email} from this account?`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="membership" value={membership} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${email}`}>
        Remove
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

export function RevokeInvitation({ id, email }: { id: string; email: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(revokeInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Revoke invitation for ${email}`}>
        Revoke
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
