import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

interface Metrics {
  registry: Registry;
  requests: Counter<"route" | "method" | "status">;
  duration: Histogram<"route" | "method" | "status">;
}

// One registry per process, shared by every bundle of the app.
const GLOBAL_KEY = Symbol.for("kassa.metrics");
type G = typeof globalThis & { [GLOBAL_KEY]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as G;
  if (!g[GLOBAL_KEY]) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "kassa_" });
    g[GLOBAL_KEY] = {
      registry,
      requests: new Counter({
        name: "kassa_http_requests_total",
        help: "HTTP requests handled, by route template, method and status",
        labelNames: ["route", "method", "status"],
        registers: [registry],
      }),
      duration: new Histogram({
        name: "kassa_http_request_duration_seconds",
        help: "HTTP request latency, by route template, method and status",
        labelNames: ["route", "method", "status"],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
    };
  }
  return g[GLOBAL_KEY];
}

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { route, method, status: String(status) };
  m.requests.inc(labels);
  m.duration.observe(labels, seconds);
}

/** A counter registered once per process on the shared registry (every bundle of the app gets the same one). */
export function sharedCounter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const registry = metrics().registry;
  return (registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
}

/**
 * How a confirmation's phase B was applied: `unlocked` (one guarded statement, lib/payments/apply-authorization.ts)
 * or `locked` (the transaction with the row lock), and `fell_back` when the guard found the payment changed.
 * Many fallbacks mean contention on payments mid-confirmation.
 */
export const phaseBCounter = () => sharedCounter("kassa_phase_b_total", "Confirmation phase B applications, by path", ["path"]);
