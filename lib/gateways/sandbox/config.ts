import { ConnectorUnavailableError, ConnectorUnknownOutcomeError } from "../types";
import { seededRandom } from "./seeded-random";

export { seededRandom };

/** The two sandbox processors: `sandbox`, and `sandbox_b` with its own state and its own knobs (routing and failover, offline). */
export type SandboxInstance = "sandbox" | "sandbox_b";

/** Knobs for tests and benchmarks: a slower, flakier processor on demand. */
export interface SandboxConfig {
  /** Delay before every call, in ms (default 0, env KASSA_SANDBOX_LATENCY_MS). */
  latencyMs?: number;
  /** Chance in [0, 1] that a changing call ends in an unknown outcome (default 0, env KASSA_SANDBOX_FAULT_RATE). */
  faultRate?: number;
  /**
   * Chance in [0, 1] that an authorisation is refused as unavailable before anything is recorded (a 503 before
   * processing: safe to send elsewhere) (default 0, env KASSA_SANDBOX_UNAVAILABLE_RATE).
   */
  unavailableRate?: number;
  /**
   * Source of randomness for faults; pass `seededRandom(n)` for a repeatable run (default: env
   * KASSA_SANDBOX_FAULT_SEED's generator when set, else Math.random).
   */
  random?: () => number;
}

const configured: Record<SandboxInstance, SandboxConfig> = { sandbox: {}, sandbox_b: {} };

/** Sets one sandbox's process-wide knobs; fields left out keep their value. Returns a function that restores the previous ones. */
export function configureSandbox(config: SandboxConfig, instance: SandboxInstance = "sandbox"): () => void {
  const previous = configured[instance];
  configured[instance] = { ...previous, ...config };
  return () => {
    configured[instance] = previous;
  };
}

const ENV_GENERATORS = Symbol.for("kassa.sandbox.faultSeedGenerators");

/**
 * The process's one generator for a seed from the environment (KASSA_SANDBOX_FAULT_SEED, a whole number in
 * [0, 2^32)): every call draws from the same sequence, as from Math.random. Kept on globalThis because a
 * production build may load this module once per server bundle, and two copies would replay the same draws.
 */
function envRandom(name: string): (() => number) | undefined {
  const seed = envNumber(name);
  if (seed === undefined) return undefined;
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new RangeError(`${name} must be a whole number in [0, 2^32), got ${seed}`);
  const generators = ((globalThis as { [ENV_GENERATORS]?: Map<string, () => number> })[ENV_GENERATORS] ??= new Map());
  const id = `${name}=${seed}`;
  let random = generators.get(id);
  if (!random) generators.set(id, (random = seededRandom(seed)));
  return random;
}
function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

/**
 * The knobs in force: a connector's own options, then configureSandbox, then the environment
 * (KASSA_SANDBOX_* for `sandbox`, KASSA_SANDBOX_B_* for `sandbox_b`; *_FAULT_SEED seeds the fault draws).
 */
export function resolveConfig(own: SandboxConfig = {}, instance: SandboxInstance = "sandbox"): Required<SandboxConfig> {
  const set = configured[instance];
  const env = instance === "sandbox" ? "KASSA_SANDBOX" : "KASSA_SANDBOX_B";
  const latencyMs = own.latencyMs ?? set.latencyMs ?? envNumber(`${env}_LATENCY_MS`) ?? 0;
  const faultRate = own.faultRate ?? set.faultRate ?? envNumber(`${env}_FAULT_RATE`) ?? 0;
  const unavailableRate = own.unavailableRate ?? set.unavailableRate ?? envNumber(`${env}_UNAVAILABLE_RATE`) ?? 0;
  if (latencyMs < 0) throw new RangeError("sandbox latencyMs must be ≥ 0");
  if (faultRate < 0 || faultRate > 1) throw new RangeError("sandbox faultRate must be within [0, 1]");
  if (unavailableRate < 0 || unavailableRate > 1) throw new RangeError("sandbox unavailableRate must be within [0, 1]");
  return { latencyMs, faultRate, unavailableRate, random: own.random ?? set.random ?? envRandom(`${env}_FAULT_SEED`) ?? Math.random };
}

/** Whether this authorisation is refused as unavailable (nothing recorded). */
export function drawUnavailable(config: Required<SandboxConfig>): ConnectorUnavailableError | null {
  if (config.unavailableRate <= 0 || config.random() >= config.unavailableRate) return null;
  return new ConnectorUnavailableError("Sandbox authorize: simulated 503 before processing; nothing was created.");
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
