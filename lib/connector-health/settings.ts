/** The breaker's and the health window's knobs. Defaults per issue 21; env for operators, options for tests. */
export interface ConnectorHealthSettings {
  /** Consecutive transient failures (or unknown outcomes) that open a breaker. */
  threshold: number;
  /** How long an open breaker refuses before one probe is let through. */
  openMs: number;
  /** A probe not answered in this long (its instance died, say) may be handed out again. */
  probeTimeoutMs: number;
  /** The sliding health window (whole minutes: per-minute buckets). */
  windowMs: number;
  /** How often an instance writes its per-minute health buckets. */
  flushMs: number;
  /** Where the driver cannot LISTEN (Neon): how long a breaker read is trusted. */
  fallbackTtlMs: number;
  /** Per-minute health rows older than this are pruned by the flusher. */
  retentionMs: number;
}

export const DEFAULT_SETTINGS: ConnectorHealthSettings = {
  threshold: 5,
  openMs: 60_000,
  probeTimeoutMs: 30_000,
  windowMs: 5 * 60_000,
  flushMs: 5_000,
  fallbackTtlMs: 1_000,
  retentionMs: 24 * 60 * 60_000,
};

const ENV_NAMES: Record<keyof ConnectorHealthSettings, string> = {
  threshold: "KASSA_BREAKER_THRESHOLD",
  openMs: "KASSA_BREAKER_OPEN_MS",
  probeTimeoutMs: "KASSA_BREAKER_PROBE_TIMEOUT_MS",
  windowMs: "KASSA_HEALTH_WINDOW_MS",
  flushMs: "KASSA_HEALTH_FLUSH_MS",
  fallbackTtlMs: "KASSA_BREAKER_TTL_MS",
  retentionMs: "KASSA_HEALTH_RETENTION_MS",
};

/** A setting that is not a positive integer: the process refuses to start rather than run an unintended breaker. */
export class ConnectorHealthSettingError extends Error {
  constructor(
    readonly setting: keyof ConnectorHealthSettings,
    value: unknown,
  ) {
    super(`${ENV_NAMES[setting]} (connector health ${setting}) must be a positive integer, not ${JSON.stringify(value)}`);
    this.name = "ConnectorHealthSettingError";
  }
}

/** Defaults, then the environment, then explicit overrides; each must be a positive integer. */
export function connectorHealthSettings(
  overrides: Partial<ConnectorHealthSettings> = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): ConnectorHealthSettings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(DEFAULT_SETTINGS) as (keyof ConnectorHealthSettings)[]) {
    const raw = env[ENV_NAMES[name]]?.trim();
    const value = overrides[name] ?? (raw ? Number(raw) : DEFAULT_SETTINGS[name]);
    if (!Number.isSafeInteger(value) || value <= 0) throw new ConnectorHealthSettingError(name, overrides[name] ?? raw);
    settings[name] = value;
  }
  return settings;
}
