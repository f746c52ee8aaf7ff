"use client";

import { useActionState } from "react";
import { acceptInviteAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

export function AcceptInviteForm({ token, email, signedIn }: { token: string; email: string; signedIn: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInviteAction, {});
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {signedIn ? null : (
        <>
          <Field label="Email" name="email" value={email} readOnly />
          <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={err.name} />
          <Field
            label="Choose a password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={err.password}
            hint="At least 10 characters."
          />
        </>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Accept invitation"}
      </Button>
    </form>
  );
}
