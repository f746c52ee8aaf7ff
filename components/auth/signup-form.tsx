"use client";

import { useActionState } from "react";
import { signupAction, type FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

export function SignupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signupAction, {});
  const err = state.fieldErrors ?? {};
  if (state.notice) return <Alert tone="green">{state.notice}</Alert>;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <Alert>{state.error}</Alert> : null}
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={err.name} />
      <Field
        label="Business name"
        name="business_name"
        autoComplete="organization"
        required
        defaultValue={state.values?.business_name}
        error={err.business_name}
      />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        error={err.password}
        hint="At least 10 characters."
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
