import { getDatabaseHandle } from "@/db/client";
import { ConnectorHealth } from "./connector-health";

// One per process, on globalThis: Next bundles route handlers separately, and they must share one
// view of the breakers and one health window.
const GLOBAL_KEY = Symbol.for("kassa.connectorHealth");
type GlobalWithHealth = typeof globalThis & { [GLOBAL_KEY]?: Promise<ConnectorHealth> };

/** The process's breakers and health window, listening and loaded (settings from the environment). */
export function connectorHealth(): Promise<ConnectorHealth> {
  const g = globalThis as GlobalWithHealth;
  if (!g[GLOBAL_KEY]) {
    g[GLOBAL_KEY] = (async () => {
      const health = new ConnectorHealth(await getDatabaseHandle());
      await health.start();
      return health;
    })();
    g[GLOBAL_KEY].catch(() => {
      delete g[GLOBAL_KEY];
    });
  }
  return g[GLOBAL_KEY];
}
