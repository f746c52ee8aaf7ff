"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { updateAlertSettingsAction } from "@/app/(dashboard)/settings/alerts/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import type { AlertSettingsObject } from "@/lib/alerts/get-alert-settings";

const FIELDS = ["failure_rate_threshold", "timeout_rate_threshold", "min_attempts"];

/** The failure-rate and timeout-rate thresholds and the minimum volume; read-only without account:write. */
export function AlertSettingsForm({ settings, canEdit }: { settings: AlertSettingsObject; canEdit: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(updateAlertSettingsAction, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Keep what was typed when refused (React resets a form after its action by default).
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
  const errorFor = (param: string) => (state && !state.ok && state.param === param ? `${state.error} (${state.code})` : undefined);
  const fieldError = FIELDS.some((p) => errorFor(p));
  return (
    <form action={action} onSubmit={onSubmit} className="max-w-xl space-y-4" aria-label="Alert settings">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field
          label="Payment failure rate (%)"
          name="failure_rate_threshold"
          inputMode="decimal"
          defaultValue={String(settings.failure_rate_threshold)}
          hint={`Alert when more than this share of attempts fail (card declines included). Above 0, at most 100; default 10. Clears at ${settings.failure_rate_clears_at}% or under.`}
          error={errorFor("failure_rate_threshold")}
        />
        <Field
          label="Processor timeout rate (%)"
          name="timeout_rate_threshold"
          inputMode="decimal"
          defaultValue={String(settings.timeout_rate_threshold)}
          hint={`Alert when the processor's answer is lost on more than this share of attempts. Above 0, at most 100; default 5. Clears at ${settings.timeout_rate_clears_at}% or under.`}
          error={errorFor("timeout_rate_threshold")}
        />
        <Field
          label="Minimum attempts in the window"
          name="min_attempts"
          inputMode="numeric"
          defaultValue={String(settings.min_attempts)}
          hint="With fewer attempts in the 15 minutes no alert opens, so 1 failure in 2 pages nobody. Default 20."
          error={errorFor("min_attempts")}
        />
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save alert settings"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can change these.</p>
      )}
      {state && !state.ok && !fieldError ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Saved. The next check (within a minute) uses these thresholds.</Alert> : null}
    </form>
  );
}
