import { Alert } from "@/components/ui/card";

/** A refused action's message with its error code (the same code the API answers with). */
export function ActionError({ error, code }: { error: string; code: string }) {
  return (
    <Alert>
      {error}{" "}
      <code className="rounded bg-red-100 px-1 text-xs" data-testid="error-code">
        {code}
      </code>
    </Alert>
  );
}

/** A field's inline error with its code. */
export const fieldError = (state: { ok: boolean; error?: string; code?: string; param?: string } | null, ...params: string[]) =>
  state && !state.ok && state.param && params.includes(state.param) ? `${state.error} (${state.code})` : undefined;
