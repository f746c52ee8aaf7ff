/**
 * One EVM version for both ends: solc compiles for it (scripts/contracts.ts) and the local chain runs
 * it (lib/chain/local-node.ts). Cancun, not Prague: every chain a merchant is likely to point
 * EVM_RPC_URL at (mainnet and the large L2s) runs Cancun's opcodes, so the bytecode deploys anywhere.
 */
export const EVM_VERSION = "cancun" as const;
