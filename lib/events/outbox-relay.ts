import { getDb } from "@/db/client";
import { onFreshRoot } from "@/lib/async-root";
import { logger } from "@/lib/logger";
import { onOutboxCommit } from "@/lib/service/outbox-signal";
import type { EventSender } from "./publish-events";
import { publishTurn } from "./publish-turn";

/**
 * How long the relay gathers commits before a pass. Each pass costs a claim, a send to the engine and a
 * mark, whatever its size: run for every commit, a busy instance made one pass per 2 events (a pass per
 * payment, the bench's PostgreSQL spending more on claims than on phase A). Gathered for 10 ms, a pass
 * carries what committed meanwhile; an event reaches the engine at most this much later.
 */
const OUTBOX_LINGER_MS = 10;

/**
 * Starts the after-commit relay in this process: a commit with outbox rows starts a pass `lingerMs` later,
 * carrying every commit made meanwhile; passes never overlap, and commits during a pass cause one more,
 * `lingerMs` after it. Returns a stop function.
 */
export function startOutboxRelay(send: EventSender, { lingerMs = OUTBOX_LINGER_MS }: { lingerMs?: number } = {}): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
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
    try {
      const db = await getDb();
      // Kassa's events and Stripe's, a batch of each in turn.
      while ((await publishTurn({ db, send })).more);
    } catch (err) {
      // The rows stay unpublished; the cron sweep sends them later.
      logger.warn({ err }, "outbox relay could not publish; the sweep will retry");
    } finally {
      running = false;
      if (again) schedule();
    }
  };
  const unsubscribe = onOutboxCommit(() => {
    if (running) again = true;
    else schedule();
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
