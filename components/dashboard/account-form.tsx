"use client";

import { useActionState } from "react";
import { updateAccountAction } from "@/app/(dashboard)/settings/actions";
import type { ActionResult } from "@/lib/http/session/action";
import type { AccountObject } from "@/lib/accounts/serialize-account";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";

export function AccountForm({ account, currencies, canEdit }: { account: AccountObject; currencies: string[]; canEdit: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(updateAccountAction, null);
  const fieldError = (name: string) => (state && !state.ok && state.param === name ? state.error : undefined);
  return (
    <form action={action} className="max-w-xl space-y-4">
      {state && !state.ok && !state.param ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="green">Saved.</Alert> : null}
      <fieldset disabled={!canEdit} className="space-y-4">
        <Field label="Business name" name="business_name" defaultValue={account.business_name} required maxLength={100} error={fieldError("business_name")} />
        <Field
          label="Support email"
          name="support_email"
          type="email"
          defaultValue={account.support_email ?? ""}
          error={fieldError("support_email")}
          hint="Shown to customers on receipts."
        />
        <Field
          label="Statement descriptor"
          name="statement_descriptor"
          defaultValue={account.statement_descriptor ?? ""}
          maxLength={22}
          error={fieldError("statement_descriptor")}
          hint="5–22 Latin characters on your customers' card statements."
        />
        <SelectField label="Default currency" name="default_currency" defaultValue={account.default_currency}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c.toUpperCase()}
            </option>
          ))}
        </SelectField>
        {canEdit ? (
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        ) : (
          <p className="text-sm text-slate-500">Only owners and admins can change these.</p>
        )}
      </fieldset>
    </form>
  );
}
