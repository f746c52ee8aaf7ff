import type { Jitter } from "./backoff";
import type { Clock } from "./clock";
import type { Conn } from "./db";
import type { InngestFunctionRow, InngestRunRow } from "./schema";
import type { StepResult, Storage } from "./storage";

// What the op handlers (ops.ts) and the event path (ingest.ts) need of the engine, so that neither
// imports engine.ts: the engine imports them and implements this.

export const MAX_STEPS = 1000;
export const DEFAULT_RETRIES = 4;

/** Work to do once a transaction has committed (events to emit, more queue to drain). */
export type After = (() => Promise<void>)[];
export type ErrorBody = { name?: string; message: string; stack?: string };
export type Logger = Pick<Console, "warn" | "error">;

export interface RunControl {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly jitter: Jitter;
  readonly log: Logger;
  /** Steps allowed per run (Inngest's limit is 1000). */
  readonly maxSteps: number;
  startRun(fn: InngestFunctionRow, eventIds: string[], opts?: { idempotencyKey?: string; tx?: Conn; after?: After }): Promise<InngestRunRow>;
  resolveStep(tx: Conn, run: InngestRunRow, s: { stepId: string; op: string; result: StepResult; name?: string }, after: After): Promise<void>;
  completeRun(tx: Conn, run: InngestRunRow, output: unknown, after: After): Promise<void>;
  failRun(tx: Conn, run: InngestRunRow, error: ErrorBody, after: After): Promise<void>;
  cancelRun(tx: Conn, run: InngestRunRow, after: After): Promise<void>;
  /** Looks for due work now (after events arrived). */
  kick(): Promise<void>;
}

/** step.invoke parks as a wait on the child's `inngest/function.finished`. */
export const INVOKE_WAIT_PREFIX = "async.data.run_id == ";
export function isInvokeWait(w: { eventName: string; expression: string | null }): boolean {
  return w.eventName === "inngest/function.finished" && Boolean(w.expression?.startsWith(INVOKE_WAIT_PREFIX));
}

export function toError(body: unknown, status?: number): ErrorBody {
  if (body && typeof body === "object" && typeof (body as ErrorBody).message === "string") {
    const b = body as ErrorBody;
    return { name: b.name ?? "Error", message: b.message, ...(b.stack ? { stack: b.stack } : {}) };
  }
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { name: "Error", message: status ? `app answered ${status}: ${text}` : text };
}
