"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  createEndpointAction,
  deleteEndpointAction,
  editEndpointAction,
  replayAction,
  resendAction,
  revealSecretAction,
  rotateSecretAction,
  sendTestAction,
  setEnabledAction,
} from "@/app/(dashboard)/developers/webhooks/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

function Secret({ value, note }: { value: string; note: string }) {
  return (
    <div className="space-y-1 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" data-testid="webhook-secret">
      <p className="text-sm text-emerald-900">{note}</p>
      <code className="block break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-emerald-200">{value}</code>
    </div>
  );
}

const Problem = ({ state }: { state: ActionResult<unknown> | null }) => (state && !state.ok ? <Alert>{state.error}</Alert> : null);

export function CreateEndpointForm() {
  const [state, action, pending] = useActionState<ActionResult<{ id: string; secret: string }> | null, FormData>(createEndpointAction, null);
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-2">
        <Field label="Endpoint URL" name="url" type="url" required placeholder="https://example.com/webhooks/kassa" />
        <Field label="Events" name="enabled_events" required defaultValue="*" hint="Comma-separated: payment.succeeded, refund.*, or * for all" />
        <Field label="Description" name="description" placeholder="Optional" maxLength={500} />
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add endpoint"}
          </Button>
        </div>
      </form>
      <Problem state={state} />
      {state?.ok ? (
        <div className="space-y-2">
          <Secret
            value={state.data.secret}
            note="The endpoint's signing secret: verify each delivery with it (Standard Webhooks). You can reveal it again on the endpoint's page."
          />
          <Link className="text-sm text-brand-700 hover:underline" href={`/developers/webhooks/${state.data.id}`}>
            Open the endpoint
          </Link>
        </div>
      ) : null}
    </div>
  );
}

export function EndpointActions({ id, enabled }: { id: string; enabled: boolean }) {
  const [revealed, reveal, revealing] = useActionState<ActionResult<{ secret: string }> | null, FormData>(revealSecretAction, null);
  const [rotated, rotate, rotating] = useActionState<ActionResult<{ secret: string }> | null, FormData>(rotateSecretAction, null);
  const [toggled, toggle, toggling] = useActionState<ActionResult<null> | null, FormData>(setEnabledAction, null);
  const [tested, test, testing] = useActionState<ActionResult<{ delivery: string }> | null, FormData>(sendTestAction, null);
  const [deleted, remove, deleting] = useActionState<ActionResult<null> | null, FormData>(deleteEndpointAction, null);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <form action={reveal}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="secondary" disabled={revealing}>
            Reveal secret
          </Button>
        </form>
        <form
          action={rotate}
          onSubmit={(e) => {
            if (!confirm("Rotate the signing secret? The old one keeps signing for 24 hours.")) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="secondary" disabled={rotating}>
            Rotate secret
          </Button>
        </form>
        <form action={test}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="secondary" disabled={testing || !enabled}>
            Send test event
          </Button>
        </form>
        <form action={toggle}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={toggling}>
            {enabled ? "Disable" : "Enable"}
          </Button>
        </form>
        <form
          action={remove}
          onSubmit={(e) => {
            if (!confirm("Delete this endpoint? Deliveries stop; the log is kept.")) e.preventDefault();
          }}
        >
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="danger" disabled={deleting || deleted?.ok}>
            {deleted?.ok ? "Deleted" : "Delete"}
          </Button>
        </form>
      </div>
      {revealed?.ok ? <Secret value={revealed.data.secret} note="Signing secret" /> : null}
      {rotated?.ok ? <Secret value={rotated.data.secret} note="New signing secret. The previous one keeps signing alongside it for 24 hours." /> : null}
      {tested?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Test event sent ({tested.data.delivery}).
        </p>
      ) : null}
      {[revealed, rotated, toggled, tested, deleted].map((s, i) => (
        <Problem key={i} state={s} />
      ))}
    </div>
  );
}

export function ResendButton({ delivery, endpoint }: { delivery: string; endpoint: string }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(resendAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="delivery" value={delivery} />
      <input type="hidden" name="endpoint" value={endpoint} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Resend ${delivery}`}>
        {pending ? "Sending…" : state?.ok ? "Queued" : "Resend"}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-600">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

export function ReplayForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ replayed: number }> | null, FormData>(replayAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={id} />
      <Field label="Failed from (UTC)" name="from" type="datetime-local" required />
      <Field label="to (UTC)" name="to" type="datetime-local" required />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Replaying…" : "Replay failed deliveries"}
      </Button>
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.replayed} deliveries queued again.
        </p>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-600">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function EditEndpointForm({ id, url, events, description }: { id: string; url: string; events: string[]; description: string | null }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(editEndpointAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="id" value={id} />
      <Field label="Endpoint URL" name="url" type="url" required defaultValue={url} />
      <Field label="Events" name="enabled_events" required defaultValue={events.join(", ")} hint="Comma-separated: payment.succeeded, refund.*, or *" />
      <Field label="Description" name="description" defaultValue={description ?? ""} maxLength={500} />
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        {state?.ok ? (
          <span role="status" className="text-sm text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
      {state && !state.ok ? (
        <div className="sm:col-span-2">
          <Alert>{state.error}</Alert>
        </div>
      ) : null}
    </form>
  );
}
