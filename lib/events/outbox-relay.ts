import { getDb } from "@/db/client";
import { onFreshRoot } from "@/lib/async-root";
import { logger } from "@/lib/logger";
import { onOutboxCommit } from "@/lib/service/outbox-signal";
import { publishCommittedEvents, type EventSender } from "./publish-events";
import { publishTurn } from "./publish-turn";

/**
 * How long the relay gathers commits before a pass. Each pass costs a claim, a send to the engine and a
 * mark, whatever its size: run for every commit, a busy instance made one pass per 2 events (a pass per
 * payment, the bench's PostgreSQL spending more on claims than on phase A). Gathered for 10 ms, a pass
 * carries what committed meanwhile; an event reaches the engine at most this much later.
 */
const OUTBOX_LINGER_MS = 10;

/**
 * How often at most a pass also scans for unpublished rows it was not told of (another instance's, left by a
 * crash or a failed send; Stripe's recorded events). A commit tells the relay its rows' ids, and a pass sends
 * those by id; the scan's claim costs far more than a read by id (the unpublished-rows index's dead entries).
 * A pass scans when it was signalled without ids, after a failed pass, and at the first pass after this long.
 */
const OUTBOX_SCAN_EVERY_MS = 1_000;

/** Rows per read by id (the scan's batch is publishTurn's own). */
const BY_ID_BATCH = 100;

/**
 * Starts the after-commit relay in this process: a commit with outbox rows starts a pass `lingerMs` later,
 * carrying every commit made meanwhile; passes never overlap, and commits during a pass cause one more,
 * `lingerMs` after it. Returns a stop function.
 */
export function startOutboxRelay(
  send: EventSender,
  { lingerMs = OUTBOX_LINGER_MS, scanEveryMs = OUTBOX_SCAN_EVERY_MS }: { lingerMs?: number; scanEveryMs?: number } = {},
): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Ids committed since the last pass took them. */
  let committed: string[] = [];
  /** A pass must scan: a signal came without ids, or a pass failed. */
  let scanWanted = false;
  let lastScan = -Infinity;
  const schedule = () => {
    if (stopped || timer) return;
    // Each pass on its own async root: started from a commit's continuation, the passes of a busy
    // process would otherwise form one endless chain (lib/async-root.ts).
    timer = setTimeout(() => {
      timer = undefined;
      void onFreshRoot(pass);
    }, lingerMs);
  };
  const pass = async () => {
    running = true;
    again = false;
    const ids = committed;
    committed = [];
    const scan = scanWanted || performance.now() - lastScan >= scanEveryMs;
    scanWanted = false;
    try {
      const db = await getDb();
      for (let i = 0; i < ids.length; i += BY_ID_BATCH) await publishCommittedEvents({ db, send, ids: ids.slice(i, i + BY_ID_BATCH) });
      if (scan) {
        lastScan = performance.now();
        // Kassa's events and Stripe's, a batch of each in turn.
        while ((await publishTurn({ db, send })).more);
      }
    } catch (err) {
      // The rows stay unpublished: the next pass scans for them, and the cron sweep sends them if none comes.
      scanWanted = true;
      logger.warn({ err }, "outbox relay could not publish; the next pass or the sweep will retry");
    } finally {
      running = false;
      if (again) schedule();
    }
  };
  const unsubscribe = onOutboxCommit((ids) => {
    if (ids) committed.push(...ids);
    else scanWanted = true;
    if (running) again = true;
    else schedule();
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
