import { LOCAL_CHAIN_ID } from "@/lib/chain/local-addresses";

/** How Kassa watches crypto payments; read from the environment each time (tests and operators change it without a restart). */
export interface CryptoSettings {
  /** Blocks a transfer must be deep (its own block counts as one) before it is booked. */
  confirmations: number;
  /** How long a payment waits for its transfer. */
  expiryMs: number;
  /** How often the watcher reads the chain. */
  pollMs: number;
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${text}.`);
  return value;
}

/**
 * CRYPTO_CONFIRMATIONS (default 1 on the local chain, which mines a block per transaction and never
 * reorganises by itself; 12 elsewhere, Ethereum's customary depth), CRYPTO_PAYMENT_EXPIRY_MINUTES
 * (default 30) and CRYPTO_POLL_SECONDS (default 10; at most 180 checks in 30 minutes, within a run's step limit).
 */
export function cryptoSettings(chainId: number, env: Record<string, string | undefined> = process.env): CryptoSettings {
  return {
    confirmations: positiveInt(env, "CRYPTO_CONFIRMATIONS", chainId === LOCAL_CHAIN_ID ? 1 : 12),
    expiryMs: positiveInt(env, "CRYPTO_PAYMENT_EXPIRY_MINUTES", 30) * 60_000,
    pollMs: cryptoPollMs(env),
  };
}

/** The watcher's interval alone (it does not depend on the chain). */
export function cryptoPollMs(env: Record<string, string | undefined> = process.env): number {
  return positiveInt(env, "CRYPTO_POLL_SECONDS", 10) * 1000;
}

/** How long after its expiry a payment's address is still watched for late money to send back (CRYPTO_LATE_WINDOW_MINUTES, default 60). */
export function cryptoLateWindowMs(env: Record<string, string | undefined> = process.env): number {
  return positiveInt(env, "CRYPTO_LATE_WINDOW_MINUTES", 60) * 60_000;
}
