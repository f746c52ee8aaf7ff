import { backoffMs, parseDuration, sleepUntil } from "./backoff";
import type { Conn } from "./db";
import { INVOKE_WAIT_PREFIX, toError, type After, type RunControl } from "./run-control";
import type { InngestQueueRow, InngestRunRow } from "./schema";

/** One op from a 206 response (see the StepOpCode enum in the SDK). */
export interface Op {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: Record<string, unknown> & { timeout?: string; if?: string; duration?: string; parallelMode?: string };
}

/** Ops Kassa's executor does not implement yet: a run that uses one fails with a clear message. */
const UNSUPPORTED_HINT = "the local executor (inngest/local) does not support this op; run `npx inngest-cli dev` instead or avoid it";

/**
 * Applies a 206 answer. Ops handed out (planned steps, sleeps, waits, retrying steps) join the
 * run's pending set; the function is asked for its next steps only once that set is empty.
 */
export async function handleOps(
  engine: RunControl,
  tx: Conn,
  run: InngestRunRow,
  item: InngestQueueRow,
  ops: Op[],
  res: { noRetry: boolean; retryAt?: Date },
  after: After,
): Promise<void> {
  const { storage, clock } = engine;
  const now = clock.now();
  const pending = new Set(run.pending);
  const memoised = new Set((await storage.getSteps(run.id, tx)).map((s) => s.stepId));
  const disable = run.disableImmediateExecution || ops.length > 1;
  const save = async (op: Op, result: { data: unknown } | { error: unknown }) => {
    await storage.saveStep(tx, { runId: run.id, stepId: op.id, op: op.op, name: op.displayName ?? op.name, result, attempts: item.attempt + 1 });
    memoised.add(op.id);
    pending.delete(op.id);
  };

  if (ops.length === 0) return engine.failRun(tx, run, { name: "Error", message: "the app answered 206 with no ops" }, after);
  for (const op of ops) {
    const label = `"${op.displayName ?? op.name ?? op.id}"`;
    switch (op.op) {
      case "StepRun":
        await save(op, { data: op.data ?? null });
        break;
      case "StepFailed":
        await save(op, { error: op.error ?? toError(op.data) });
        break;
      case "StepError": {
        const attempt = item.attempt + 1;
        if (attempt >= run.maxAttempts) {
          await save(op, { error: op.error ?? toError(op.data) });
          break;
        }
        pending.add(op.id);
        const dueAt = res.retryAt ?? new Date(now.getTime() + backoffMs(item.attempt, engine.jitter));
        await storage.enqueue(tx, { runId: run.id, kind: "call", stepId: op.id, attempt, dueAt });
        break;
      }
      case "StepPlanned":
        if (pending.has(op.id) || memoised.has(op.id)) break;
        pending.add(op.id);
        await storage.enqueue(tx, { runId: run.id, kind: "call", stepId: op.id, attempt: 0, dueAt: now });
        break;
      case "Sleep": {
        if (pending.has(op.id) || memoised.has(op.id)) break;
        const wake = sleepUntil(op.name, op.opts, now);
        if (!wake)
          return engine.failRun(tx, run, { name: "Error", message: `step ${label}: cannot read sleep duration "${op.opts?.duration ?? op.name}"` }, after);
        pending.add(op.id);
        await storage.enqueue(tx, { runId: run.id, kind: "sleep", stepId: op.id, attempt: 0, dueAt: wake });
        break;
      }
      case "WaitForEvent": {
        if (pending.has(op.id) || memoised.has(op.id)) break;
        const timeout = op.opts?.timeout;
        const ms = timeout ? parseDuration(timeout) : undefined;
        const expiresAt = ms !== undefined ? new Date(now.getTime() + ms) : timeout ? new Date(Date.parse(timeout)) : undefined;
        if (!op.name || !expiresAt || Number.isNaN(expiresAt.getTime())) {
          return engine.failRun(tx, run, { name: "Error", message: `step ${label}: waitForEvent needs an event name and a timeout (got "${timeout}")` }, after);
        }
        pending.add(op.id);
        await storage.addWait(tx, { runId: run.id, stepId: op.id, eventName: op.name, expression: op.opts?.if ?? null, expiresAt });
        await storage.enqueue(tx, { runId: run.id, kind: "wait-timeout", stepId: op.id, attempt: 0, dueAt: expiresAt });
        break;
      }
      case "InvokeFunction": {
        if (pending.has(op.id) || memoised.has(op.id)) break;
        const fnId = String(op.opts?.function_id ?? "");
        const target = await storage.getFunction(fnId);
        if (!target) {
          await save(op, { error: { name: "Error", message: `invoked function "${fnId}" is not registered` } });
          break;
        }
        const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown>; user?: Record<string, unknown> };
        const [event] = await storage.insertEvent(
          {
            name: "inngest/function.invoked",
            ts: now.getTime(),
            user: payload.user,
            data: { ...payload.data, _inngest: { source_run_id: run.id, invoke_correlation_id: `${run.id}.${op.id}` } },
          },
          undefined,
          tx,
        );
        const child = await engine.startRun(target, [event.id], { tx, after });
        const ms = op.opts?.timeout ? parseDuration(op.opts.timeout) : undefined;
        const expiresAt = new Date(now.getTime() + (ms ?? 365 * 86_400_000));
        pending.add(op.id);
        await storage.addWait(tx, {
          runId: run.id,
          stepId: op.id,
          eventName: "inngest/function.finished",
          expression: `${INVOKE_WAIT_PREFIX}'${child.id}'`,
          expiresAt,
        });
        await storage.enqueue(tx, { runId: run.id, kind: "wait-timeout", stepId: op.id, attempt: 0, dueAt: expiresAt });
        break;
      }
      case "RunComplete":
        return engine.completeRun(tx, run, op.data ?? null, after);
      default:
        return engine.failRun(tx, run, { name: "UnsupportedOpError", message: `unsupported op "${op.op}" at step ${label}: ${UNSUPPORTED_HINT}` }, after);
    }
  }

  const maxSteps = engine.maxSteps;
  if (memoised.size + pending.size > maxSteps) {
    return engine.failRun(tx, run, { name: "Error", message: `run exceeded the maximum of ${maxSteps} steps` }, after);
  }
  await storage.updateRun(tx, run.id, { pending: [...pending], disableImmediateExecution: disable });
  if (pending.size === 0 && !(await storage.hasDiscoveryQueued(tx, run.id))) {
    await storage.enqueue(tx, { runId: run.id, kind: "call", stepId: "step", attempt: 0, dueAt: now });
  }
}
