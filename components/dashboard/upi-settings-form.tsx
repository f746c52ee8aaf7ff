"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { updateUpiSettingsAction } from "@/app/(dashboard)/settings/upi/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { toDecimalString } from "@/lib/money";
import type { UpiSettingsObject } from "@/lib/upi/get-upi-settings";

/** Collect on or off, the UPI limit in rupees, the expiry and the PSP fee; read-only without account:write. */
export function UpiSettingsForm({ settings, canEdit }: { settings: UpiSettingsObject; canEdit: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(updateUpiSettingsAction, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Keep what was typed when refused (React resets a form after its action by default).
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => action(form));
  };
  const errorFor = (param: string) => (state && !state.ok && state.param === param ? `${state.error} (${state.code})` : undefined);
  const fieldError = ["max_amount", "expiry_minutes", "fee_basis_points"].some((p) => errorFor(p));
  const d = settings.default_expiry_minutes;
  return (
    <form action={action} onSubmit={onSubmit} className="max-w-xl space-y-4" aria-label="UPI settings">
      <fieldset disabled={!canEdit} className="space-y-4">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="collect_enabled" defaultChecked={settings.collect_enabled} className="h-4 w-4 rounded border-slate-300" />
          Allow UPI Collect (a payment request sent to the customer&apos;s VPA)
        </label>
        <Field
          label="Largest UPI payment (₹)"
          name="max_amount"
          defaultValue={toDecimalString(BigInt(settings.max_amount), "inr")}
          inputMode="decimal"
          hint="From ₹1 up to ₹5,00,000. The default is ₹1,00,000, NPCI's usual limit for a UPI payment."
          error={errorFor("max_amount")}
        />
        <Field
          label="Expiry (minutes)"
          name="expiry_minutes"
          type="number"
          min={5}
          max={60}
          defaultValue={settings.expiry_minutes ?? ""}
          hint={`5 to 60 minutes. Empty: each flow's default (intent ${d.intent}, QR ${d.qr}, collect ${d.collect}).`}
          error={errorFor("expiry_minutes")}
        />
        <Field
          label="PSP fee (basis points)"
          name="fee_basis_points"
          type="number"
          min={0}
          max={500}
          defaultValue={settings.fee_basis_points}
          hint="0 to 500 (100 basis points = 1%). 0 by default: UPI merchant payments carry no MDR."
          error={errorFor("fee_basis_points")}
        />
      </fieldset>
      {canEdit ? (
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save UPI settings"}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">Only owners and admins can change these.</p>
      )}
      {state && !state.ok && !fieldError ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Saved. The next UPI payment follows these settings.</Alert> : null}
    </form>
  );
}
