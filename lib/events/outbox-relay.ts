import { getDb } from "@/db/client";
import { onFreshRoot } from "@/lib/async-root";
import { logger } from "@/lib/logger";
import { onOutboxCommit } from "@/lib/service/outbox-signal";
import type { EventSender } from "./publish-events";
import { publishTurn } from "./publish-turn";

/**
 * Starts the after-commit relay in this process: each commit with outbox rows triggers one relay
 * pass (passes never overlap; commits during a pass cause one more). Returns a stop function.
 */
export function startOutboxRelay(send: EventSender): () => void {
  let running = false;
  let again = false;
  const pass = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const db = await getDb();
        // Kassa's events and Stripe's, a batch of each in turn.
        while ((await publishTurn({ db, send })).more);
      } while (again);
    } catch (err) {
      // The rows stay unpublished; the cron sweep sends them later.
      logger.warn({ err }, "outbox relay could not publish; the sweep will retry");
    } finally {
      running = false;
    }
  };
  // Each pass on its own async root: started from a commit's continuation, the passes of a busy
  // process would otherwise form one endless chain (lib/async-root.ts).
  return onOutboxCommit(() => void onFreshRoot(pass));
}
