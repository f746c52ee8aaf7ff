"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { updateBillingSettingsAction } from "@/app/(dashboard)/settings/billing/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

export interface BillingSettingsView {
  retry_days: number[];
  terminal_action: "unpaid" | "canceled";
  portal_cancel: boolean;
}

/** The dunning schedule, the end state after the last try, and portal cancellation; read-only without account:write. */
export function BillingSettingsForm({ settings, canEdit }: { settings: BillingSettingsView; canEdit: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(updateBillingSettingsAction, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Keep what was typed when refused (React resets a form after its action by default).
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
  const retryError = state && !state.ok && state.param?.startsWith("retry_days") ? `${state.error} (${state.code})` : undefined;
  return (
    <form action={action} onSubmit={onSubmit} className="max-w-xl space-y-4" aria-label="Billing settings">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field
          label="Retry days"
          name="retry_days"
          defaultValue={settings.retry_days.join(", ")}
          inputMode="numeric"
          hint="Days after the first failed renewal payment on which to try again, ascending, at most 7 retries within 30 days. Empty: no retries."
          error={retryError}
        />
        <SelectField label="After the last try fails" name="terminal_action" defaultValue={settings.terminal_action}>
          <option value="unpaid">Mark the subscription unpaid (keep it; its invoice stays payable)</option>
          <option value="canceled">Cancel the subscription</option>
        </SelectField>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="portal_cancel" defaultChecked={settings.portal_cancel} className="h-4 w-4 rounded border-slate-300" />
          Customers may cancel at period end from the billing portal
        </label>
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save billing settings"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can change these.</p>
      )}
      {state && !state.ok && !retryError ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Saved. The next failed renewal follows this schedule.</Alert> : null}
    </form>
  );
}
