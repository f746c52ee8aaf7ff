"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(dashboard)/settings/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

/** Change the signed-in user's password: the current one first; every other session ends. */
export function PasswordForm() {
  const [state, action, pending] = useActionState<ActionResult<null> | null, FormData>(changePasswordAction, null);
  const fieldError = (name: string) => (state && !state.ok && state.param === name ? state.error : undefined);
  return (
    <form action={action} className="max-w-xl space-y-4" data-testid="password-form">
      {state && !state.ok && !state.param ? <Alert>{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="green">Password changed. Your other sessions were signed out.</Alert> : null}
      <Field label="Current password" name="current_password" type="password" autoComplete="current-password" required error={fieldError("current_password")} />
      <Field
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={fieldError("new_password")}
        hint="At least 10 characters."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
