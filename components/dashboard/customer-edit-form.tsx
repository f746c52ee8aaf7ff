"use client";

import { useActionState } from "react";
import { updateCustomerAction, type CustomerFormState, type CustomerFormValues } from "@/app/(dashboard)/customers/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { ActionError, fieldError } from "./action-error";

const FIELDS = ["name", "email", "description"];

/** Edit a customer's name, email and description (customers:write); refusals show under their field. */
export function CustomerEditForm({ id, initial }: { id: string; initial: CustomerFormValues }) {
  const [state, action, pending] = useActionState<CustomerFormState | null, FormData>(updateCustomerAction, null);
  const values = state && !state.ok ? state.values : initial;
  return (
    <form action={action} className="max-w-xl space-y-4" aria-label="Edit customer" noValidate>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && !(state.param && FIELDS.includes(state.param)) ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Saved.</Alert> : null}
      <Field label="Name" name="name" defaultValue={values.name} maxLength={256} error={fieldError(state, "name")} />
      <Field
        label="Email"
        name="email"
        type="email"
        defaultValue={values.email}
        error={fieldError(state, "email")}
        hint="Receipts go here. Leave empty to remove it."
      />
      <TextAreaField label="Description" name="description" defaultValue={values.description} error={fieldError(state, "description")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
