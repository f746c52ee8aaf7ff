"use client";

import Link from "next/link";
import { useActionState } from "react";
import { confirmSignupAction, forgotPasswordAction, resetPasswordAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  if (state.notice) return <Alert tone="green">{state.notice}</Alert>;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction.bind(null, token), {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <Alert>
          {state.error}{" "}
          <Link className="underline" href="/forgot-password">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={state.fieldErrors?.password}
        hint="At least 10 characters."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

export function ConfirmSignupForm({ token }: { token: string }) {
  // A bound server action: the button works before (or without) hydration too.
  const [state, action, pending] = useActionState<FormState, FormData>(confirmSignupAction.bind(null, token), {});
  return (
    <form action={action} className="space-y-4">
      {state.error ? (
        <Alert>
          {state.error}{" "}
          <Link className="underline" href="/signup">
            Sign up again
          </Link>
        </Alert>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create my account"}
      </Button>
    </form>
  );
}
