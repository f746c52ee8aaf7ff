import type { PublicClient } from "viem";

export interface Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

const GWEI = 10n ** 9n;

/** The fee settings, read from the environment each time (operators change them without a restart). */
export interface FeeSettings {
  /** Never pay more than this per gas (CRYPTO_MAX_FEE_GWEI, default 200 gwei): above it a transaction waits. */
  capPerGas: bigint;
  /** The tip floor (CRYPTO_MIN_TIP_GWEI, default 1 gwei — a tip of 0 is mined last or never on a busy chain). */
  minTip: bigint;
}

function gweiSetting(env: Record<string, string | undefined>, name: string, fallbackGwei: bigint): bigint {
  const text = env[name]?.trim();
  if (!text) return fallbackGwei * GWEI;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number of gwei, not ${text}.`);
  return BigInt(text) * GWEI;
}

export function feeSettings(env: Record<string, string | undefined> = process.env): FeeSettings {
  return { capPerGas: gweiSetting(env, "CRYPTO_MAX_FEE_GWEI", 200n), minTip: gweiSetting(env, "CRYPTO_MIN_TIP_GWEI", 1n) };
}

/** The median of the non-empty rewards, or 0. */
function median(values: bigint[]): bigint {
  if (values.length === 0) return 0n;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * EIP-1559 fees from the chain's fee history (eth_feeHistory over the last 10 blocks): the tip is the
 * median of the blocks' 50th-percentile tips (at least the floor); the fee cap is twice the next block's
 * base fee plus the tip, which stays valid through six full blocks of base-fee rises (12.5 % each).
 * `capped` when the cap setting had to lower it: such a transaction may wait, and is not sent above the cap.
 */
export function feesFromHistory(history: { baseFeePerGas: bigint[]; reward?: bigint[][] }, settings: FeeSettings): Fees & { capped: boolean } {
  const nextBase = history.baseFeePerGas.at(-1) ?? 0n;
  const tips = (history.reward ?? []).map((r) => r[0] ?? 0n).filter((t) => t > 0n);
  let tip = median(tips);
  if (tip < settings.minTip) tip = settings.minTip;
  let maxFee = 2n * nextBase + tip;
  const capped = maxFee > settings.capPerGas;
  if (capped) maxFee = settings.capPerGas;
  if (tip > maxFee) tip = maxFee;
  return { maxFeePerGas: maxFee, maxPriorityFeePerGas: tip, capped };
}

export async function suggestFees(client: PublicClient, settings: FeeSettings = feeSettings()): Promise<Fees & { capped: boolean }> {
  const history = await client.getFeeHistory({ blockCount: 10, rewardPercentiles: [50], blockTag: "latest" });
  return feesFromHistory(history, settings);
}

/** At least +12.5 % on both fees (nodes want +10 % to replace a pending transaction), or today's fees if higher, never above the cap. */
export function replacementFees(previous: Fees, now: Fees, settings: FeeSettings): Fees | null {
  const bump = (v: bigint) => v + (v + 7n) / 8n;
  let maxPriorityFeePerGas = bump(previous.maxPriorityFeePerGas);
  if (now.maxPriorityFeePerGas > maxPriorityFeePerGas) maxPriorityFeePerGas = now.maxPriorityFeePerGas;
  let maxFeePerGas = bump(previous.maxFeePerGas);
  if (now.maxFeePerGas > maxFeePerGas) maxFeePerGas = now.maxFeePerGas;
  if (maxFeePerGas > settings.capPerGas) return null; // already at the cap: wait for the chain instead
  if (maxPriorityFeePerGas > maxFeePerGas) maxPriorityFeePerGas = maxFeePerGas;
  return { maxFeePerGas, maxPriorityFeePerGas };
}
