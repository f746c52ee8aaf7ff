import { onFreshRoot } from "@/lib/async-root";
import type { Conn } from "./db";
import type { InngestFunctionRow, InngestQueueRow, InngestRunRow } from "./schema";
import { backoffMs, randomJitter, retryAfter, type Jitter } from "./backoff";
import type { Clock } from "./clock";
import { handleOps, type Op } from "./ops";
import { canonicalJson, signBody } from "../signature";
import { ConcurrencyGate, concurrencySlots } from "./concurrency";
import { nextCronTime } from "./cron";
import { DEFAULT_RETRIES, MAX_STEPS, isInvokeWait, toError, type After, type ErrorBody, type Logger, type RunControl } from "./run-control";
import type { FunctionConfig, Storage, StepResult, StoredEvent } from "./storage";

const CONCURRENCY_RECHECK_MS = 1_000;
/** Registered function options with no local implementation (priority only orders; timeouts are not enforced). */
const UNSUPPORTED_OPTIONS = ["batchEvents", "debounce", "rateLimit", "throttle", "singleton"] as const;

/** `retries` (default 4, at most 20) plus the first attempt. */
export function maxAttemptsOf(config: FunctionConfig): number {
  return Math.min(config.steps?.step?.retries?.attempts ?? DEFAULT_RETRIES, 20) + 1;
}

export interface EngineOptions {
  clock: Clock;
  jitter?: Jitter;
  signingKey?: string;
  pollMs?: number;
  requestTimeoutMs?: number;
  /** Steps allowed per run (Inngest's limit is 1000). */
  maxSteps?: number;
  /** Queue items worked on at once (step calls to the app, sleeps, crons); default 32. */
  workers?: number;
  log?: Logger;
}

export const DEFAULT_WORKERS = 32;

/** Emits internal events (function.failed / finished) into the executor's own event path. */
export type Emit = (events: Omit<StoredEvent, "id">[]) => Promise<void>;

/** Drives runs: leases due queue items, calls the app, applies what it answers. */
export class Engine implements RunControl {
  readonly jitter: Jitter;
  private inflight = new Set<Promise<void>>();
  private ticking: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private gate = new ConcurrencyGate();
  emit: Emit = async () => {};

  constructor(
    readonly storage: Storage,
    readonly opts: EngineOptions,
  ) {
    this.jitter = opts.jitter ?? randomJitter;
  }

  get clock(): Clock {
    return this.opts.clock;
  }
  get log(): Logger {
    return this.opts.log ?? console;
  }
  get maxSteps(): number {
    return this.opts.maxSteps ?? MAX_STEPS;
  }

  start(): void {
    this.unsubscribe = this.clock.onAdvance?.(() => this.kick());
    // The poll loop is the durable part: whatever is due in the table runs, whoever queued it.
    this.timer = setInterval(() => void this.kick(), this.opts.pollMs ?? 250);
    this.timer.unref?.();
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    await this.ticking;
    await Promise.allSettled([...this.inflight]);
  }

  /** Claims and starts every due item; returns once they are all started. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    // Each poll and each item on its own async root: an item's end starts the next poll, so a busy
    // queue would otherwise be one endless async chain that next dev never frees (lib/async-root.ts).
    this.ticking = onFreshRoot(async () => {
      try {
        // Never more items at once than there are workers: claimed beyond that, a backlog of thousands was all
        // called at once, every call queued behind the app's connection pool, and calls outlived their leases.
        do {
          this.again = false;
          const free = (this.opts.workers ?? DEFAULT_WORKERS) - this.inflight.size;
          for (const item of await this.storage.claimDue(Math.min(free, 25))) this.track(onFreshRoot(() => this.leased(item)));
        } while (this.again && !this.stopped);
      } catch (err) {
        this.log.error("inngest/local: poll failed", err);
      } finally {
        this.ticking = undefined;
      }
    });
    return this.ticking;
  }

  private track(p: Promise<void>): void {
    const tracked = p
      // The driver's error is Drizzle's "Failed query" wrapper: its cause says what PostgreSQL refused.
      .catch((err: unknown) => this.log.error("inngest/local: queue item failed", err, (err as { cause?: unknown } | null)?.cause))
      .finally(() => {
        this.inflight.delete(tracked);
        void this.kick();
      });
    this.inflight.add(tracked);
  }

  /** Resolves when nothing is in flight and nothing is due at the clock's current time. */
  async idle(): Promise<void> {
    for (;;) {
      await this.kick();
      if (this.inflight.size === 0) {
        const next = await this.storage.nextDueAt();
        if (!next || next > this.clock.now()) {
          if (!this.ticking && this.inflight.size === 0) return;
        }
      }
      await Promise.race([...this.inflight, new Promise((r) => setTimeout(r, 5))]);
    }
  }

  /**
   * Works on a claimed item and keeps its lease while it does: renewed every third of the lease, so a step call
   * slower than the lease is not claimed again and called twice; a crashed executor stops renewing, and its items
   * come back when their leases end.
   */
  private async leased(item: InngestQueueRow): Promise<void> {
    let held: InngestQueueRow | undefined = item;
    let renewing: Promise<unknown> = Promise.resolve();
    let done = false;
    const timer = setInterval(
      () => {
        renewing = renewing
          .then(async () => {
            if (!held) return;
            held = await this.storage.renewLease(held);
            if (!held && !done) this.log.warn(`inngest/local: lost the lease of queue item ${item.id} (run ${item.runId}) while working on it`);
          })
          .catch((err: unknown) => this.log.warn(`inngest/local: could not renew the lease of queue item ${item.id}: ${(err as Error).message}`));
      },
      Math.max(1, Math.floor(this.storage.leaseMs / 3)),
    );
    timer.unref?.();
    try {
      await this.process(item);
    } finally {
      done = true;
      clearInterval(timer);
      await renewing;
    }
  }

  private async process(item: InngestQueueRow): Promise<void> {
    if (item.kind === "call") return this.call(item);
    if (item.kind === "cron") return this.cron(item);
    const after: After = [];
    await this.storage.withRun(item.runId, async (tx, run) => {
      await this.storage.deleteQueueItem(item.id, tx);
      if (run.status !== "running") return;
      if (item.kind === "sleep") return this.resolveStep(tx, run, { stepId: item.stepId, op: "Sleep", result: null }, after);
      const wait = await this.storage.takeWait(tx, run.id, item.stepId);
      if (!wait) return;
      // A timed-out waitForEvent resumes with null; a timed-out invoke with an error.
      const result = isInvokeWait(wait) ? { error: { name: "Error", message: "Timed out waiting for invoked function to complete" } } : null;
      await this.resolveStep(tx, run, { stepId: item.stepId, op: isInvokeWait(wait) ? "InvokeFunction" : "WaitForEvent", result }, after);
    });
    for (const a of after) await a();
  }

  /** A cron tick: schedule the next one, then start a run with an `inngest/scheduled.timer` event. */
  private async cron(item: InngestQueueRow): Promise<void> {
    const fn = await this.storage.getFunction(item.runId);
    const now = this.clock.now();
    await this.storage.db.transaction(async (tx) => {
      await this.storage.deleteQueueItem(item.id, tx);
      if (fn) await this.storage.enqueue(tx, { runId: item.runId, kind: "cron", stepId: item.stepId, attempt: 0, dueAt: nextCronTime(item.stepId, now) });
    });
    if (!fn) return;
    const [event] = await this.storage.insertEvent({ name: "inngest/scheduled.timer", data: { cron: item.stepId }, ts: now.getTime() });
    await this.startRun(fn, [event.id]);
  }

  /**
   * Creates a run (and its first call). Flow-control options the executor does not enforce fail
   * the run at once, loudly, rather than run it with different semantics than production.
   */
  async startRun(fn: InngestFunctionRow, eventIds: string[], opts: { idempotencyKey?: string; tx?: Conn; after?: After } = {}): Promise<InngestRunRow> {
    const config = fn.config as FunctionConfig & Record<string, unknown>;
    const unsupported = UNSUPPORTED_OPTIONS.filter((k) => config[k] !== undefined && config[k] !== null);
    if (!unsupported.length) {
      return this.storage.createRun({ functionId: fn.id, eventIds, maxAttempts: maxAttemptsOf(config), idempotencyKey: opts.idempotencyKey }, opts.tx);
    }
    // Created and failed in one transaction: the queue worker must never see it running (and call it).
    const error = {
      name: "UnsupportedOptionError",
      message: `function "${fn.id}" uses ${unsupported.join(", ")}, which the local executor (inngest/local) does not enforce`,
    };
    const after: After = opts.after ?? [];
    const createFailed = async (tx: Conn) => {
      const run = await this.storage.createRun({ functionId: fn.id, eventIds, maxAttempts: maxAttemptsOf(config), idempotencyKey: opts.idempotencyKey }, tx);
      await this.failRun(tx, run, error, after);
      return run;
    };
    if (opts.tx) return createFailed(opts.tx);
    const run = await this.storage.db.transaction(createFailed);
    for (const a of after) await a();
    return run;
  }

  /** Memoises one step outside a call (sleep over, event arrived, wait timed out). */
  async resolveStep(tx: Conn, run: InngestRunRow, s: { stepId: string; op: string; result: StepResult; name?: string }, _after: After): Promise<void> {
    await this.storage.saveStep(tx, { runId: run.id, stepId: s.stepId, op: s.op, name: s.name, result: s.result, attempts: 1 });
    const pending = run.pending.filter((id) => id !== s.stepId);
    await this.storage.updateRun(tx, run.id, { pending });
    if (pending.length === 0 && !(await this.storage.hasDiscoveryQueued(tx, run.id))) {
      await this.storage.enqueue(tx, { runId: run.id, kind: "call", stepId: "step", attempt: 0, dueAt: this.clock.now() });
    }
  }

  private async call(item: InngestQueueRow): Promise<void> {
    const run = await this.storage.getRun(item.runId);
    if (!run || run.status !== "running") return this.storage.deleteQueueItem(item.id);
    const fn = await this.storage.getFunction(run.functionId);
    const after: After = [];
    if (!fn) {
      await this.storage.withRun(run.id, (tx, r) =>
        this.failRun(tx, r, { name: "Error", message: `function "${run.functionId}" is not registered with the local executor` }, after),
      );
      for (const a of after) await a();
      return;
    }
    const [events, steps] = await Promise.all([this.storage.getEvents(run.eventIds), this.storage.getSteps(run.id)]);
    const release = this.gate.tryAcquire(concurrencySlots(fn.id, fn.config as FunctionConfig, events[0]));
    if (!release) {
      // Over a concurrency limit: give the item back and look again shortly (clock time).
      await this.storage.postpone(item.id, new Date(this.clock.now().getTime() + CONCURRENCY_RECHECK_MS));
      return;
    }
    try {
      await this.callWith(item, run, fn, events, steps, after);
    } finally {
      release();
    }
    for (const a of after) await a();
  }

  private async callWith(
    item: InngestQueueRow,
    run: InngestRunRow,
    fn: InngestFunctionRow,
    events: StoredEvent[],
    steps: Awaited<ReturnType<Storage["getSteps"]>>,
    after: After,
  ): Promise<void> {
    const stack = steps.map((s) => s.stepId);
    // ctx.fn_id is left out on purpose: in SDK v4 it switches on checkpointing (see protocol doc).
    const payload = {
      version: 2,
      event: events[0],
      events,
      steps: Object.fromEntries(steps.map((s) => [s.stepId, s.result])),
      ctx: {
        run_id: run.id,
        attempt: item.attempt,
        max_attempts: run.maxAttempts,
        disable_immediate_execution: run.disableImmediateExecution,
        use_api: false,
        stack: { stack, current: stack.length },
      },
    };
    const url = new URL(fn.url);
    url.searchParams.set("fnId", fn.id);
    url.searchParams.set("stepId", item.stepId);
    const body = this.opts.signingKey ? canonicalJson(payload) : JSON.stringify(payload);
    const headers: Record<string, string> = { "content-type": "application/json", "x-inngest-server-kind": this.opts.signingKey ? "cloud" : "dev" };
    if (this.opts.signingKey) headers["x-inngest-signature"] = signBody(body, this.opts.signingKey);

    let status = 0,
      text = "",
      res: Response | undefined;
    // A timer of its own, cleared once the answer is read: AbortSignal.timeout's would stay armed for the whole
    // timeout after each call (thousands of live timers and abort listeners on a busy engine).
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DOMException("The step call timed out", "TimeoutError")), this.opts.requestTimeoutMs ?? 300_000);
    try {
      res = await fetch(url, { method: "POST", body, headers, signal: deadline.signal });
      status = res.status;
      text = await res.text();
    } catch (err) {
      text = JSON.stringify({ name: "Error", message: `could not reach ${url.origin}: ${(err as Error).message}` });
    } finally {
      clearTimeout(timer);
    }
    const noRetry = res?.headers.get("x-inngest-no-retry") === "true";
    const retryAt = retryAfter(res?.headers.get("retry-after"), this.clock.now());

    await this.storage.withRun(run.id, async (tx, locked) => {
      await this.storage.deleteQueueItem(item.id, tx);
      if (locked.status !== "running") return;
      if (status === 200) return this.completeRun(tx, locked, parseJson(text), after);
      if (status === 206) {
        const parsed = parseJson(text);
        const ops = (Array.isArray(parsed) ? parsed : [parsed]) as Op[];
        return handleOps(this, tx, locked, item, ops, { noRetry, retryAt }, after);
      }
      const error = toError(parseJson(text), status);
      const final = noRetry || (status >= 400 && status < 500 && status !== 408 && status !== 429);
      if (final || item.attempt + 1 >= locked.maxAttempts) return this.failRun(tx, locked, error, after);
      await this.storage.enqueue(tx, {
        runId: run.id,
        kind: "call",
        stepId: item.stepId,
        attempt: item.attempt + 1,
        dueAt: retryAt ?? new Date(this.clock.now().getTime() + backoffMs(item.attempt, this.jitter)),
      });
    });
  }

  async completeRun(tx: Conn, run: InngestRunRow, output: unknown, after: After): Promise<void> {
    await this.storage.endRun(tx, run.id, "completed", { output });
    after.push(() => this.finished(run, { result: output }));
  }

  async failRun(tx: Conn, run: InngestRunRow, error: ErrorBody, after: After): Promise<void> {
    await this.storage.endRun(tx, run.id, "failed", { error });
    after.push(async () => {
      const [event] = await this.storage.getEvents(run.eventIds.slice(0, 1));
      await this.emit([
        { name: "inngest/function.failed", data: { function_id: run.functionId, run_id: run.id, error, event }, ts: this.clock.now().getTime() },
      ]);
      await this.finished(run, { error });
    });
  }

  async cancelRun(tx: Conn, run: InngestRunRow, after: After): Promise<void> {
    await this.storage.endRun(tx, run.id, "cancelled", { error: { name: "Error", message: "run cancelled" } });
    after.push(async () => {
      const [event] = await this.storage.getEvents(run.eventIds.slice(0, 1));
      await this.emit([{ name: "inngest/function.cancelled", data: { function_id: run.functionId, run_id: run.id, event }, ts: this.clock.now().getTime() }]);
    });
  }

  private async finished(run: InngestRunRow, outcome: { result?: unknown; error?: ErrorBody }): Promise<void> {
    const [event] = await this.storage.getEvents(run.eventIds.slice(0, 1));
    await this.emit([
      { name: "inngest/function.finished", data: { function_id: run.functionId, run_id: run.id, ...outcome, event }, ts: this.clock.now().getTime() },
    ]);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
