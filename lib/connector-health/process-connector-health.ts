import { getDatabaseHandle } from "@/db/client";
import { ConnectorHealth } from "./connector-health";

// One per process, on globalThis: Next bundles route handlers separately, and they must share one
// view of the breakers and one health window.
const GLOBAL_KEY = Symbol.for("kassa.connectorHealth");
const STARTED = Symbol.for("kassa.connectorHealth.started");
type GlobalWithHealth = typeof globalThis & { [GLOBAL_KEY]?: Promise<ConnectorHealth>; [STARTED]?: ConnectorHealth };

/** The process's breakers and health window, listening and loaded (settings from the environment). */
export function connectorHealth(): Promise<ConnectorHealth> {
  const g = globalThis as GlobalWithHealth;
  if (!g[GLOBAL_KEY]) {
    g[GLOBAL_KEY] = (async () => {
      const health = new ConnectorHealth(await getDatabaseHandle());
      await health.start();
      g[STARTED] = health;
      return health;
    })();
    g[GLOBAL_KEY].catch(() => {
      delete g[GLOBAL_KEY];
    });
  }
  return g[GLOBAL_KEY];
}

/**
 * The process's breakers if they have started, without waiting (and starting them in the background if
 * not): for callers that may run inside a transaction, where on PGlite's one connection starting them (LISTEN,
 * the first read) would wait for that very transaction.
 */
export function startedConnectorHealth(): ConnectorHealth | undefined {
  const g = globalThis as GlobalWithHealth;
  if (!g[STARTED]) void connectorHealth().catch(() => undefined);
  return g[STARTED];
}
