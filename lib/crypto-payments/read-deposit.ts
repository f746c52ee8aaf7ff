import { parseAbiItem, type Address } from "viem";
import type { CryptoTransfer } from "@/db/schema";
import type { OpenChain } from "@/lib/chain/open-chain";

const TRANSFER = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");

export interface DepositView {
  head: bigint;
  /** In blocks at least `confirmations` deep (a transfer's own block counts as one). */
  confirmed: bigint;
  /** Seen in shallower blocks. */
  pending: bigint;
  transfers: CryptoTransfer[];
}

/**
 * What the chain shows at a deposit address now, read afresh every time: a transfer a reorganisation
 * removed is simply no longer there. A token by its Transfer logs to the address since the payment was
 * made; ETH (plain transfers leave no log) by the address's balance at the confirmed depth and at the head.
 */
export async function readDeposit(
  chain: OpenChain,
  deposit: { tokenAddress: string | null; address: string; fromBlock: bigint; confirmationsRequired: number },
): Promise<DepositView> {
  const client = chain.clients.publicClient;
  // Never a cached head (viem caches it for the polling interval): a confirmation count must be of now.
  const head = await client.getBlockNumber({ cacheTime: 0 });
  const depth = BigInt(deposit.confirmationsRequired);
  const confirmations = (block: bigint) => Number(head - block + 1n);
  if (!deposit.tokenAddress) {
    const confirmedAt = head - depth + 1n;
    const [now, deep] = await Promise.all([
      client.getBalance({ address: deposit.address as Address, blockNumber: head }),
      confirmedAt >= deposit.fromBlock ? client.getBalance({ address: deposit.address as Address, blockNumber: confirmedAt }) : Promise.resolve(0n),
    ]);
    return { head, confirmed: deep, pending: now - deep, transfers: [] };
  }
  const logs = await client.getLogs({
    address: deposit.tokenAddress as Address,
    event: TRANSFER,
    args: { to: deposit.address as Address },
    fromBlock: deposit.fromBlock,
    toBlock: head,
  });
  let confirmed = 0n;
  let pending = 0n;
  const transfers: CryptoTransfer[] = [];
  for (const log of logs) {
    if (log.blockNumber === null || log.transactionHash === null || log.args.value === undefined) continue;
    const n = confirmations(log.blockNumber);
    if (n >= deposit.confirmationsRequired) confirmed += log.args.value;
    else pending += log.args.value;
    transfers.push({
      tx_hash: log.transactionHash,
      from: log.args.from ?? null,
      log_index: log.logIndex,
      block_number: log.blockNumber.toString(),
      amount: log.args.value.toString(),
      confirmations: n,
    });
  }
  return { head, confirmed, pending, transfers };
}
