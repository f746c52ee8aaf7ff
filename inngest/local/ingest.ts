import { isInvokeWait, type After, type RunControl } from "./run-control";
import { parseDuration } from "./backoff";
import { evaluate, matches } from "./expression";
import type { FunctionConfig, StoredEvent } from "./storage";
import type { InngestFunctionRow } from "./schema";

export type IncomingEvent = { id?: string; name: string; data?: Record<string, unknown>; user?: Record<string, unknown>; ts?: number; v?: string };

function nameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/** Whether the event starts a run of the function: a trigger's name matches and its expression holds. */
function triggers(engine: RunControl, fn: InngestFunctionRow, event: StoredEvent): boolean {
  return ((fn.config as FunctionConfig).triggers ?? []).some((t) => {
    if (!t.event || !nameMatches(t.event, event.name)) return false;
    try {
      return matches(t.expression, { event });
    } catch (err) {
      engine.log.warn(`inngest/local: trigger expression of ${fn.id} failed: ${(err as Error).message}`);
      return false;
    }
  });
}

/** Whether anything but a wait could want the event: a function it triggers, or one it may cancel. */
function wanted(engine: RunControl, functions: InngestFunctionRow[], event: StoredEvent): boolean {
  return functions.some((fn) => triggers(engine, fn, event) || ((fn.config as FunctionConfig).cancel ?? []).some((c) => nameMatches(c.event, event.name)));
}

/**
 * Stores events and acts on each new one: resumes matching waits, cancels runs whose
 * `cancelOn` matches, and starts a run of every function it triggers; then marks it fanned out. A resend
 * of one whose fan-out was cut short (a crash between storing and acting, or a failure) is acted on again;
 * a resend while this process still acts on the first copy waits for it (actingOn). An event no
 * function listens to and no wait wants is stored already fanned out (Storage.insertEvent). Returns the event ids.
 */
export async function ingest(engine: RunControl, incoming: IncomingEvent[]): Promise<string[]> {
  const release = await actingOn(engine, incoming);
  try {
    const ids: string[] = [];
    const stored = new Map<string, string>();
    const functions = await engine.storage.cachedFunctions();
    const toStart: { event: StoredEvent; again: boolean; mark: boolean }[] = [];
    const batch = incoming.map((e) => {
      const fields = { name: e.name, data: e.data ?? {}, ...(e.user ? { user: e.user } : {}), ts: e.ts ?? engine.clock.now().getTime() };
      return { e, fields, quiet: !wanted(engine, functions, { ...fields, id: e.id ?? "" }) };
    });
    // The quiet events with sender ids (an outbox's events nothing listens to: most of a relay's batch) are stored
    // first, in one statement. Only a wait could want one, and a wait the batch's earlier events take or cancel meanwhile
    // is simply not found when that event's turn comes below.
    const quietOnes = new Map<string, Omit<StoredEvent, "id">>();
    for (const { e, fields, quiet } of batch) if (quiet && e.id && !quietOnes.has(e.id)) quietOnes.set(e.id, fields);
    const quietStored = await engine.storage.insertQuietEvents([...quietOnes].map(([externalId, fields]) => ({ fields, externalId })));
    // In the batch's order: store, resume waits, cancel — what one event may do to the next one's wait or run.
    for (const { e, fields, quiet } of batch) {
      // The same sender id twice in one batch: one event.
      const seen = e.id ? stored.get(e.id) : undefined;
      if (seen) {
        ids.push(seen);
        continue;
      }
      const early = e.id ? quietStored.get(e.id) : undefined;
      const [event, state, { actOn, waiting }] = early
        ? ([early.event, "new", early] as const)
        : await engine.storage.insertEvent(fields, e.id, undefined, { quiet });
      ids.push(event.id);
      if (e.id) stored.set(e.id, event.id);
      if (!actOn) continue;
      // Each step is safe to do again: a wait is taken once, a cancel checks the run is running, and a resend of
      // an unfinished event starts no second run of a function that already has one for it.
      if (waiting) await resumeWaits(engine, event);
      await cancelRuns(engine, event, functions);
      toStart.push({ event, again: state === "unfinished", mark: Boolean(e.id) });
    }
    // Then the runs the events trigger, several at once (a relay's batch of a hundred events starts a hundred
    // fan-outs); each event is marked fanned out once its own runs exist.
    await inParallel(toStart, RUN_STARTS_AT_ONCE, async ({ event, again, mark }) => {
      await trigger(engine, event, functions, again);
      if (mark) await engine.storage.markFannedOut(event.id);
    });
    if (toStart.length) await engine.kick();
    return ids;
  } finally {
    release();
  }
}

/** Sender ids this executor is acting on right now, and when it is done with each. */
const inFlight = new WeakMap<RunControl, Map<string, Promise<void>>>();

/**
 * Waits until no other ingest in this process is acting on any of the batch's sender ids, then claims them
 * all at once (no await between the last look and the claim, and nothing held while waiting, so two batches
 * never wait on each other). A resend that arrives while the first copy is still being acted on — a sender
 * whose request was cut or timed out — thus waits for it and finds it fanned out (or, if that failed, acts on
 * it), rather than being answered "done" for an event whose runs do not exist yet and may never: the sender
 * would then mark it published and never send it again. Returns the release.
 */
async function actingOn(engine: RunControl, incoming: IncomingEvent[]): Promise<() => void> {
  let flights = inFlight.get(engine);
  if (!flights) inFlight.set(engine, (flights = new Map()));
  const senderIds = [...new Set(incoming.flatMap((e) => (e.id ? [e.id] : [])))];
  for (;;) {
    const busy = senderIds.flatMap((id) => flights.get(id) ?? []);
    if (busy.length === 0) break;
    await Promise.all(busy);
  }
  let done!: () => void;
  const flight = new Promise<void>((resolve) => (done = resolve));
  for (const id of senderIds) flights.set(id, flight);
  return () => {
    for (const id of senderIds) if (flights.get(id) === flight) flights.delete(id);
    done();
  };
}

/** How many events of one batch start their runs at the same time. */
const RUN_STARTS_AT_ONCE = 8;

/** Runs `work` on every item, at most `limit` at a time; rejects with the first failure once all have ended. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch((err: unknown) => void failures.push(err));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length) throw failures[0];
}

async function resumeWaits(engine: RunControl, event: StoredEvent): Promise<void> {
  const { storage } = engine;
  for (const wait of await storage.waitsFor(event.name)) {
    const run = await storage.getRun(wait.runId);
    if (!run) continue;
    const [original] = await storage.getEvents(run.eventIds.slice(0, 1));
    const after: After = [];
    let ok: boolean;
    try {
      ok = matches(wait.expression, { event: original, async: event });
    } catch (err) {
      await storage.withRun(run.id, (tx, r) => engine.failRun(tx, r, { name: "Error", message: `waitForEvent: ${(err as Error).message}` }, after));
      for (const a of after) await a();
      continue;
    }
    if (!ok) continue;
    await storage.withRun(run.id, async (tx, r) => {
      if (r.status !== "running" || !(await storage.takeWait(tx, r.id, wait.stepId))) return;
      const invoke = isInvokeWait(wait);
      const result = !invoke
        ? (event as unknown as Record<string, unknown>)
        : event.data.error
          ? { error: event.data.error }
          : { data: event.data.result ?? null };
      await engine.resolveStep(tx, r, { stepId: wait.stepId, op: invoke ? "InvokeFunction" : "WaitForEvent", result }, after);
    });
    for (const a of after) await a();
  }
}

async function cancelRuns(engine: RunControl, event: StoredEvent, functions: InngestFunctionRow[]): Promise<void> {
  const { storage } = engine;
  const fns = functions.filter((f) => ((f.config as FunctionConfig).cancel ?? []).some((c) => nameMatches(c.event, event.name)));
  for (const run of await storage.runningRunsOf(fns.map((f) => f.id))) {
    const config = fns.find((f) => f.id === run.functionId)!.config as FunctionConfig;
    const [original] = await storage.getEvents(run.eventIds.slice(0, 1));
    const hit = (config.cancel ?? []).some((c) => {
      if (!nameMatches(c.event, event.name)) return false;
      const window = c.timeout ? parseDuration(c.timeout) : undefined;
      if (window !== undefined && engine.clock.now().getTime() > run.startedAt.getTime() + window) return false;
      try {
        return matches(c.if, { event: original, async: event });
      } catch {
        return false;
      }
    });
    if (!hit) continue;
    const after: After = [];
    await storage.withRun(run.id, async (tx, r) => {
      if (r.status === "running") await engine.cancelRun(tx, r, after);
    });
    for (const a of after) await a();
  }
}

async function trigger(engine: RunControl, event: StoredEvent, functions: InngestFunctionRow[], again = false): Promise<void> {
  const { storage } = engine;
  for (const fn of functions) {
    const config = fn.config as FunctionConfig;
    if (!triggers(engine, fn, event)) continue;
    if (again && (await storage.hasRunFor(fn.id, event.id))) continue;
    let idempotencyKey: string | undefined;
    if (config.idempotency) {
      try {
        idempotencyKey = JSON.stringify(evaluate(config.idempotency, { event }));
      } catch (err) {
        engine.log.warn(`inngest/local: idempotency expression of ${fn.id} failed: ${(err as Error).message}`);
      }
    }
    if (!idempotencyKey) {
      await engine.startRun(fn, [event.id]);
      continue;
    }
    // Looked up and created under the key's lock, in one transaction: events sharing a key never race.
    const after: After = [];
    const key = idempotencyKey;
    await storage.db.transaction(async (tx) => {
      if (await storage.idempotencyKeyTaken(tx, fn.id, key)) return;
      await engine.startRun(fn, [event.id], { idempotencyKey: key, tx, after });
    });
    for (const a of after) await a();
  }
}
