// The e2e run's local chain. The runner (scripts/test.ts, and the throwaway scripts/_e2e-one.mts) starts it
// before Playwright and deploys its test contracts once, then hands it to the server under test and to the
// specs as EVM_RPC_URL / EVM_CHAIN_ID — so a spec pays on the very chain the server's deposit watcher reads.
import type { Address, Hex } from "viem";
import { kassaTestTokenAbi } from "@/lib/chain/artifacts/kassa-test-token";
import { connectChain, type ChainClients } from "@/lib/chain/clients";
import { ensureLocalContracts, type LocalContracts } from "@/lib/chain/deploy-local";
import { LOCAL_CHAIN_ID, localAccount, type LocalRole } from "@/lib/chain/local-accounts";
import { startLocalChain } from "@/lib/chain/local-chain";
import type { Erc20TokenId } from "@/lib/chain/tokens";

/** Starts the chain and deploys the test tokens (before the server could race the specs to it); `env` is for Playwright. */
export async function startE2eChain(): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  const chain = await startLocalChain();
  try {
    await ensureLocalContracts(await connectChain({ url: chain.url, chainId: LOCAL_CHAIN_ID }));
  } catch (error) {
    await chain.stop();
    throw error;
  }
  return { env: { EVM_RPC_URL: chain.url, EVM_CHAIN_ID: String(LOCAL_CHAIN_ID) }, stop: () => chain.stop() };
}

export interface E2eChain {
  clients: ChainClients;
  contracts: LocalContracts;
  /** Mints test tokens to a local account (the deployer owns the test tokens). */
  fund(role: LocalRole, token: Erc20TokenId, amount: bigint): Promise<void>;
  /** An ERC-20 transfer from a local account, waited for; returns its hash. */
  transfer(role: LocalRole, token: Erc20TokenId, to: string, amount: bigint): Promise<Hex>;
  balance(token: Erc20TokenId, of: string): Promise<bigint>;
}

/** The chain the runner started (EVM_RPC_URL), for a spec. */
export async function e2eChain(): Promise<E2eChain> {
  const url = process.env.EVM_RPC_URL;
  if (!url || process.env.EVM_CHAIN_ID !== String(LOCAL_CHAIN_ID)) {
    throw new Error("This spec pays on the server's chain: run it through `npm test` or scripts/_e2e-one.mts, which start one (EVM_RPC_URL).");
  }
  const clients = await connectChain({ url, chainId: LOCAL_CHAIN_ID });
  const contracts = await ensureLocalContracts(clients);
  const wait = async (hash: Hex) => {
    const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
    return hash;
  };
  return {
    clients,
    contracts,
    async fund(role, token, amount) {
      const deployer = clients.walletClient(localAccount("deployer"));
      await wait(
        await deployer.writeContract({
          address: contracts.tokens[token],
          abi: kassaTestTokenAbi,
          functionName: "mint",
          args: [localAccount(role).address, amount],
        }),
      );
    },
    async transfer(role, token, to, amount) {
      const wallet = clients.walletClient(localAccount(role));
      return wait(
        await wallet.writeContract({ address: contracts.tokens[token], abi: kassaTestTokenAbi, functionName: "transfer", args: [to as Address, amount] }),
      );
    },
    balance: (token, of) =>
      clients.publicClient.readContract({ address: contracts.tokens[token], abi: kassaTestTokenAbi, functionName: "balanceOf", args: [of as Address] }),
  };
}
