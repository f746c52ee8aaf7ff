"use client";

import { useActionState } from "react";
import { submitEvidenceAction, type EvidenceFormState } from "@/app/(dashboard)/disputes/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/textarea-field";
import { EVIDENCE_FIELDS } from "@/lib/disputes/evidence-fields";
import { ActionError, fieldError } from "./action-error";

/**
 * The evidence form (disputes:write). `closedReason` says why it cannot be sent any more (past
 * evidence_due_by, already submitted, closed): the fields stay visible but disabled, with the reason.
 */
export function EvidenceForm({ id, evidence, closedReason }: { id: string; evidence: Record<string, string>; closedReason: string | null }) {
  const [state, action, pending] = useActionState<EvidenceFormState | null, FormData>(submitEvidenceAction, null);
  const values = state && !state.ok ? state.values : evidence;
  const inline = state && !state.ok && state.param?.startsWith("evidence[");
  return (
    <form action={action} className="space-y-4" aria-label="Dispute evidence" aria-describedby={closedReason ? "evidence-closed" : undefined}>
      <input type="hidden" name="id" value={id} />
      {closedReason ? (
        <p id="evidence-closed" role="note" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="evidence-closed">
          {closedReason}
        </p>
      ) : null}
      {state && !state.ok && !inline ? <ActionError error={state.error} code={state.code} /> : null}
      {state?.ok ? <Alert tone="green">Evidence submitted; the dispute is {state.data.status.replaceAll("_", " ")}.</Alert> : null}
      <fieldset disabled={closedReason !== null || pending} className="grid gap-4 md:grid-cols-2">
        <legend className="sr-only">Text evidence</legend>
        {EVIDENCE_FIELDS.map((f) => (
          <TextAreaField
            key={f.name}
            label={f.label}
            name={f.name}
            hint={f.hint}
            maxLength={20_000}
            defaultValue={values[f.name] ?? ""}
            error={fieldError(state, `evidence[${f.name}]`)}
          />
        ))}
      </fieldset>
      {closedReason ? null : (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Submitting…" : "Submit evidence"}
          </Button>
          <p className="text-xs text-slate-500">Evidence is sent once: after that the card network reviews it.</p>
        </div>
      )}
    </form>
  );
}
