"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { ActionError } from "@/components/dashboard/action-error";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { ActionResult } from "@/lib/http/session/action";

/**
 * A payouts form posting to one server action (a memberAction, Origin-checked): its fields, a submit
 * button, then the refusal (message and code) or a success line. Keeps what was typed when refused.
 */
export function PayoutActionForm({
  action,
  label,
  submit,
  success,
  variant = "primary",
  className = "space-y-3",
  children,
}: {
  action: (prev: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;
  label: string;
  submit: string;
  success?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  children?: ReactNode;
}) {
  const [state, run, pending] = useActionState<ActionResult<null> | null, FormData>(action, null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(() => run(form));
  };
  return (
    <form action={run} onSubmit={onSubmit} aria-label={label} className={className}>
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : submit}
      </Button>
      {state && !state.ok ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok && success ? <Alert tone="green">{success}</Alert> : null}
    </form>
  );
}
