"use client";

import { useActionState } from "react";
import { cancelAction } from "@/app/(dashboard)/developers/workflows/actions";
import type { ActionResult } from "@/lib/http/session/action";
import { Button } from "@/components/ui/button";

/** Cancels a running run: it runs no further step. */
export function WorkflowCancelButton({ runId }: { runId: string }) {
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(cancelAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="run" value={runId} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Cancelled.
        </p>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-600">
          {state.error}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending || state?.ok}>
        {pending ? "Cancelling…" : "Cancel run"}
      </Button>
    </form>
  );
}
