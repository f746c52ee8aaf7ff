import type { BreakerHistoryEntry } from "@/lib/connector-health/health-snapshot";
import type { BreakerState } from "@/lib/connector-health/types";

export const STATE_LABEL: Record<BreakerState, string> = { closed: "Closed", open: "Open", half_open: "Half-open" };

/** What each state means for a payment, said beside the state (the state name alone is jargon). */
export const STATE_MEANING: Record<BreakerState, string> = {
  closed: "payments go through",
  open: "payments are sent elsewhere or refused",
  half_open: "one trial payment is out",
};

export const REASON_LABEL: Record<BreakerHistoryEntry["reason"], string> = {
  failure_threshold: "Too many failures in a row",
  probe: "Open period over: one trial payment let through",
  probe_timed_out: "Trial payment unanswered: another let through",
  probe_succeeded: "Trial payment succeeded",
  probe_failed: "Trial payment failed",
};

const STYLE: Record<BreakerState, string> = {
  closed: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  open: "bg-red-50 text-red-800 ring-red-600/20",
  half_open: "bg-amber-50 text-amber-900 ring-amber-600/20",
};

/** A check, a cross or a half-filled circle: each state has its own shape as well as its colour. */
function StateIcon({ state }: { state: BreakerState }) {
  return (
    <svg viewBox="0 0 16 16" className="h-4 w-4 shrink-0" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.75">
      <circle cx="8" cy="8" r="6.5" />
      {state === "closed" ? <path d="M5 8.2l2 2 4-4.4" strokeLinecap="round" strokeLinejoin="round" /> : null}
      {state === "open" ? <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" strokeLinecap="round" /> : null}
      {state === "half_open" ? <path d="M8 1.5a6.5 6.5 0 0 1 0 13z" fill="currentColor" stroke="none" /> : null}
    </svg>
  );
}

/** The breaker's state as an icon and its name (never colour alone). */
export function BreakerStateBadge({ state, testId }: { state: BreakerState; testId?: string }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLE[state]}`} data-testid={testId}>
      <StateIcon state={state} />
      {STATE_LABEL[state]}
    </span>
  );
}
