// Test-only: a real local chain for a test file, and the chain senders run to the end on an executor bed.
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { erc20Abi, type Address } from "viem";
import { chainTransactions } from "@/db/schema";
import { kassaTestTokenAbi } from "@/lib/chain/artifacts/kassa-test-token";
import { connectChain, type ChainClients } from "@/lib/chain/clients";
import { ensureLocalContracts, type LocalContracts } from "@/lib/chain/deploy-local";
import { localAccount } from "@/lib/chain/local-accounts";
import { startLocalChain, type LocalChain } from "@/lib/chain/local-chain";
import type { Erc20TokenId } from "@/lib/chain/tokens";
import { closeCryptoChain } from "@/lib/crypto-payments/chain";
import type { ServiceContext } from "@/lib/service/context";
import type { ExecutorBed } from "./executor-bed";

export interface LocalTestChain {
  readonly chain: LocalChain;
  readonly clients: ChainClients;
  readonly contracts: LocalContracts;
  /** The `payer` account sends `amount` of a test token to `to`; resolves with the block it was mined in. */
  pay(token: Erc20TokenId, to: string, amount: bigint): Promise<bigint>;
  balanceOf(token: Erc20TokenId, who: string): Promise<bigint>;
}

/**
 * Starts a local chain before the file's tests and points the app's code at it (EVM_RPC_URL, EVM_CHAIN_ID),
 * deploys the test contracts and mints `mint` of each token to the `payer` account; stops it after (and
 * forgets the chain the app's code opened). Call at the file's top.
 */
export function localChainForTests(mint: Partial<Record<Erc20TokenId, bigint>> = { usdc: 10n ** 30n, dai: 10n ** 30n }): LocalTestChain {
  let chain: LocalChain | undefined;
  let clients: ChainClients;
  let contracts: LocalContracts;
  beforeAll(async () => {
    chain = await startLocalChain();
    process.env.EVM_RPC_URL = chain.url;
    process.env.EVM_CHAIN_ID = "31337";
    clients = await connectChain({ url: chain.url, chainId: 31337 });
    contracts = await ensureLocalContracts(clients);
    const deployer = clients.walletClient(localAccount("deployer"));
    for (const [token, amount] of Object.entries(mint) as [Erc20TokenId, bigint][]) {
      const hash = await deployer.writeContract({
        address: contracts.tokens[token],
        abi: kassaTestTokenAbi,
        functionName: "mint",
        args: [localAccount("payer").address, amount],
      });
      await clients.publicClient.waitForTransactionReceipt({ hash });
    }
  }, 60_000);
  afterAll(async () => {
    await closeCryptoChain();
    await chain?.stop();
    delete process.env.EVM_RPC_URL;
    delete process.env.EVM_CHAIN_ID;
  });
  return {
    get chain() {
      return chain!;
    },
    get clients() {
      return clients;
    },
    get contracts() {
      return contracts;
    },
    async pay(token, to, amount) {
      const hash = await clients
        .walletClient(localAccount("payer"))
        .writeContract({ address: contracts.tokens[token], abi: kassaTestTokenAbi, functionName: "transfer", args: [to as Address, amount] });
      const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== "success") throw new Error(`transfer ${hash} reverted`);
      return receipt.blockNumber;
    },
    balanceOf(token, who) {
      return clients.publicClient.readContract({ address: contracts.tokens[token], abi: erc20Abi, functionName: "balanceOf", args: [who as Address] });
    },
  };
}

/** A merchant's chain transactions not yet mined (queued, signed or broadcast). */
export const openChainTransactions = (bed: ExecutorBed, ctx: Pick<ServiceContext, "merchantId">) =>
  bed.h.db
    .select()
    .from(chainTransactions)
    .where(and(eq(chainTransactions.merchantId, ctx.merchantId), inArray(chainTransactions.status, ["queued", "signed", "broadcast"])));

/** Lets the sender runs pass (the bed's fake clock a second at a time) until the merchant has no open transaction. */
export async function sendAllChainTransactions(bed: ExecutorBed, ctx: Pick<ServiceContext, "merchantId">): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await bed.advanceTo(bed.clock.now().getTime() + 1_000);
    if ((await openChainTransactions(bed, ctx)).length === 0) return;
  }
  const open = await openChainTransactions(bed, ctx);
  throw new Error(`still open: ${JSON.stringify(open.map((t) => [t.purpose, t.status, t.lastError]))}`);
}
