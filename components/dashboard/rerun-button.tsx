"use client";

import Link from "next/link";
import { useActionState } from "react";
import { rerunAction } from "@/app/(dashboard)/developers/workflows/actions";
import type { ActionResult } from "@/lib/http/session/action";
import type { RerunAnswer } from "@/lib/workflows/rerun-workflow-run";
import { Button } from "@/components/ui/button";

/** Starts a new run with the same events; links to it once started (on Inngest it may start a moment later). */
export function RerunButton({ runId, disabled }: { runId: string; disabled?: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<RerunAnswer> | null, FormData>(rerunAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="run" value={runId} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          {state.data.id !== null ? (
            <Link href={`/developers/workflows/${state.data.id}`} className="hover:underline">
              New run started — open it
            </Link>
          ) : (
            "Re-run requested; it appears here when Inngest starts it."
          )}
        </p>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-sm text-red-600">
          {state.error}
        </span>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending || disabled} title={disabled ? "Runs can be re-run once they have ended" : undefined}>
        {pending ? "Starting…" : "Re-run"}
      </Button>
    </form>
  );
}
