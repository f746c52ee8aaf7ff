import { ConnectorUnknownOutcomeError } from "../types";

/** Knobs for tests and benchmarks: a slower, flakier processor on demand. */
export interface SandboxConfig {
  /** Delay before every call, in ms (default 0, env KASSA_SANDBOX_LATENCY_MS). */
  latencyMs?: number;
  /** Chance in [0, 1] that a changing call ends in an unknown outcome (default 0, env KASSA_SANDBOX_FAULT_RATE). */
  faultRate?: number;
  /** Source of randomness for faults; pass `seededRandom(n)` for a repeatable run. */
  random?: () => number;
}

let configured: SandboxConfig = {};

/** Sets the process-wide sandbox knobs; fields left out keep their value. Returns a function that restores the previous ones. */
export function configureSandbox(config: SandboxConfig): () => void {
  const previous = configured;
  configured = { ...configured, ...config };
  return () => {
    configured = previous;
  };
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/** The knobs in force: a connector's own options, then configureSandbox, then the environment. */
export function resolveConfig(own: SandboxConfig = {}): Required<SandboxConfig> {
  const latencyMs = own.latencyMs ?? configured.latencyMs ?? envNumber("KASSA_SANDBOX_LATENCY_MS") ?? 0;
  const faultRate = own.faultRate ?? configured.faultRate ?? envNumber("KASSA_SANDBOX_FAULT_RATE") ?? 0;
  if (latencyMs < 0) throw new RangeError("sandbox latencyMs must be ≥ 0");
  if (faultRate < 0 || faultRate > 1) throw new RangeError("sandbox faultRate must be within [0, 1]");
  return { latencyMs, faultRate, random: own.random ?? configured.random ?? Math.random };
}

/** mulberry32: a small seeded generator, so a fault pattern can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where an injected fault strikes: before the write (nothing recorded) or after it (recorded, response lost). */
export type FaultPoint = "before" | "after" | null;

export function drawFault(config: Required<SandboxConfig>): FaultPoint {
  if (config.faultRate <= 0) return null;
  if (config.random() >= config.faultRate) return null;
  return config.random() < 0.5 ? "before" : "after";
}

export function faultError(operation: string, point: Exclude<FaultPoint, null>): ConnectorUnknownOutcomeError {
  return new ConnectorUnknownOutcomeError(`Sandbox ${operation}: simulated ${point === "before" ? "timeout" : "lost response"}; retrieve before retrying.`);
}

export const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
