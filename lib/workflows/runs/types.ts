import type { Executor } from "@/db/client";

// The Developers → Workflows page reads and steers runs through this, whichever engine runs them:
// Kassa's embedded executor (./local.ts) or Inngest Cloud / a self-hosted Inngest (./inngest-api.ts).

export const runStatuses = ["running", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof runStatuses)[number];

export interface RunTrigger {
  event: string;
  /** The id of the object the event is about (pay_…, re_…), when it carries one. */
  object: string | null;
}

export interface WorkflowRunSummary {
  id: string;
  function: string;
  trigger: RunTrigger | null;
  status: RunStatus;
  /** The most attempts one step took; null when the engine does not report it. */
  attempts: number | null;
  error: string | null;
  /** Unix seconds. */
  started: number;
  ended: number | null;
  /** The engine's own page for the run (Inngest's dashboard), when it has one. */
  url: string | null;
}

export interface WorkflowRunStep {
  id: string;
  op: string;
  name: string | null;
  attempts: number;
  result: unknown;
  completed: number;
}

export interface WorkflowRunDetail extends WorkflowRunSummary {
  output: unknown;
  /** Memoised steps in completion order; null when the engine does not hand them out (see `url`). */
  steps: WorkflowRunStep[] | null;
}

/** A merchant sees the runs whose triggering event carries it (every outbox event does). */
export interface RunOwner {
  merchantId: string;
}

/**
 * `started`: the new run, written in the caller's transaction (an engine whose runs live in this
 * database). `resend`: the trigger to send again, which the caller commits to the outbox (an engine
 * reached over the network: the relay sends it after commit, under the outbox id).
 */
export type RerunOutcome =
  { started: { id: string; function: string } } | { resend: { name: string; data: Record<string, unknown>; function: string } } | { active: true } | null;
export type CancelOutcome = { cancelled: true } | { ended: true } | null;

export interface WorkflowRuns {
  readonly engine: "embedded" | "inngest";
  list(owner: RunOwner, opts: { status?: RunStatus; limit: number }): Promise<WorkflowRunSummary[]>;
  /** null: no such run, or not this owner's. */
  get(owner: RunOwner, id: string): Promise<WorkflowRunDetail | null>;
  /**
   * Starts the run's function again with the same triggering event. `tx` is the caller's open
   * transaction: an engine that keeps runs in this database starts the run in it; any other answers
   * the event to send again, for the caller to commit to the outbox.
   */
  rerun(owner: RunOwner, id: string, tx: Executor): Promise<RerunOutcome>;
  /**
   * After a `resend` committed: the run of `fn` its event (`eventId`, the outbox id) started, once the
   * relay has sent it and the engine has started it; null if that has not happened within a short wait.
   */
  startedBy?(owner: RunOwner, eventId: string, fn: string): Promise<string | null>;
  cancel(owner: RunOwner, id: string, tx: Executor): Promise<CancelOutcome>;
}
