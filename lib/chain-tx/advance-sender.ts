import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { encodeFunctionData, erc20Abi, keccak256, TransactionReceiptNotFoundError, type Address, type Hex, type TransactionReceipt } from "viem";
import type { Executor } from "@/db/client";
import { chainNonces, chainTransactions, type ChainTransactionRow } from "@/db/schema";
import { localTestClient } from "@/lib/chain/clients";
import type { OpenChain } from "@/lib/chain/open-chain";
import { cryptoChain } from "@/lib/crypto-payments/chain";
import { signerAccount } from "@/lib/crypto-payments/wallet";
import { failpoint } from "@/lib/failpoints";
import { logger } from "@/lib/logger";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { backoffMs } from "./backoff";
import { feeSettings, replacementFees, suggestFees, type Fees } from "./fees";
import { onChainTransactionMined, onChainTransactionSigned } from "./hooks";

/** Gas for an ERC-20 transfer (a USDC transfer to a fresh address is ~55k) and a plain ETH transfer. */
export const TOKEN_TRANSFER_GAS = 100_000n;
export const ETH_TRANSFER_GAS = 21_000n;
/** At most this many transactions signed per pass (the rest wait for the next pass, in priority order). */
const BATCH = 32;

export interface SenderPass {
  /** Transactions of this account not yet mined (queued, signed or broadcast). */
  open: number;
  /** When to look again. */
  waitMs: number;
  mined: number;
  signed: number;
}

/** Timing settings, read each pass (CRYPTO_REPLACE_AFTER_SECONDS: a broadcast not mined by then gets a higher fee). */
function timing(chain: OpenChain, env: Record<string, string | undefined> = process.env) {
  const local = chain.localContracts !== null;
  const replaceAfter = Number(env.CRYPTO_REPLACE_AFTER_SECONDS?.trim() || (local ? 10 : 120)) * 1000;
  return { replaceAfterMs: replaceAfter, pollMs: local ? 200 : 4_000 };
}

/** Gas for a contract call of the escrow (a token deposit writes a new slot and moves tokens: ~150k). */
export const CONTRACT_CALL_GAS = 250_000n;

const gasOf = (row: Pick<ChainTransactionRow, "tokenAddress" | "data">) =>
  row.data ? CONTRACT_CALL_GAS : row.tokenAddress ? TOKEN_TRANSFER_GAS : ETH_TRANSFER_GAS;

/** Transactions that move tokens out of the account (an approval or a release moves none of the sender's). */
const SPENDS_TOKENS = new Set<string>(["refund", "sweep", "escrow_deposit"]);
/** Transactions that must move a positive amount. */
const MOVES_VALUE = new Set<string>(["refund", "gas", "sweep", "escrow_deposit"]);

/** The ETH a transaction sends as its value. */
function valueOf(row: Pick<ChainTransactionRow, "tokenAddress" | "data" | "purpose">, amount: bigint): bigint {
  if (row.tokenAddress) return 0n;
  if (row.data) return row.purpose === "escrow_deposit" ? amount : 0n;
  return amount;
}

/** The receipt of whichever attempt was mined (a replacement shares the nonce, so at most one is). */
async function findReceipt(chain: OpenChain, hashes: string[]): Promise<TransactionReceipt | null> {
  for (const hash of hashes) {
    try {
      return await chain.clients.publicClient.getTransactionReceipt({ hash: hash as Hex });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) throw error;
    }
  }
  return null;
}

/** A node's answer that means "I have (had) this one": the transaction is out, its receipt will tell. */
function alreadySent(message: string): boolean {
  return /already known|known transaction|nonce too low|already imported|replacement transaction underpriced|nonce has already been used/i.test(message);
}

/** Sends a signed transaction as it was stored (the same bytes, so the same hash), and records it. */
async function broadcast(
  db: Executor,
  chain: OpenChain,
  row: Pick<ChainTransactionRow, "id" | "purpose" | "rawTransaction" | "txHash" | "attempts">,
): Promise<boolean> {
  const now = new Date();
  try {
    await failpoint(`chain.${row.purpose}.broadcast:before`);
    await chain.clients.publicClient.request({ method: "eth_sendRawTransaction", params: [row.rawTransaction as Hex] });
    await failpoint(`chain.${row.purpose}.broadcast:after`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!alreadySent(message)) {
      const attempts = row.attempts + 1;
      logger.warn({ transaction: row.id, attempts, err: message }, "chain broadcast failed; retrying with backoff");
      await db
        .update(chainTransactions)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: message.slice(0, 500), updatedAt: now })
        .where(eq(chainTransactions.id, row.id));
      return false;
    }
  }
  await db
    .update(chainTransactions)
    .set({ status: "broadcast", broadcastAt: now, attempts: 0, lastError: null, updatedAt: now })
    .where(and(eq(chainTransactions.id, row.id), eq(chainTransactions.status, "signed"), eq(chainTransactions.txHash, row.txHash!)));
  return true;
}

/** The transaction's fields for signing. */
function request(row: ChainTransactionRow, nonce: number, fees: Fees, amount: bigint) {
  const common = { chainId: row.chainId, type: "eip1559" as const, nonce, gas: gasOf(row), ...fees };
  if (row.data) return { ...common, to: row.toAddress as Address, value: valueOf(row, amount), data: row.data as Hex };
  if (!row.tokenAddress) return { ...common, to: row.toAddress as Address, value: amount };
  return {
    ...common,
    to: row.tokenAddress as Address,
    value: 0n,
    data: encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [row.toAddress as Address, amount] }),
  };
}

/** Records a mined (or reverted) transaction and what it pays out for, once. */
async function recordMined(ctx: ServiceContext, row: ChainTransactionRow, receipt: TransactionReceipt): Promise<void> {
  await commit(ctx, async (tx, changes) => {
    const [locked] = await tx.select().from(chainTransactions).where(eq(chainTransactions.id, row.id)).for("update");
    if (!locked || (locked.status !== "signed" && locked.status !== "broadcast")) return;
    const now = new Date();
    const status = receipt.status === "success" ? "mined" : "reverted";
    const [mined] = await tx
      .update(chainTransactions)
      .set({
        status,
        txHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        gasUsed: receipt.gasUsed,
        effectiveGasPrice: receipt.effectiveGasPrice,
        minedAt: now,
        lastError: status === "reverted" ? "reverted on chain" : null,
        updatedAt: now,
      })
      .where(eq(chainTransactions.id, row.id))
      .returning();
    await onChainTransactionMined(tx, changes, ctx, mined!, receipt);
  });
}

/** The account's signed, not yet mined transactions, in nonce order. */
function inFlightOf(db: Executor, chain: OpenChain, from: string): Promise<ChainTransactionRow[]> {
  return db
    .select()
    .from(chainTransactions)
    .where(
      and(
        eq(chainTransactions.chainId, chain.clients.chain.id),
        eq(chainTransactions.fromAddress, from),
        inArray(chainTransactions.status, ["signed", "broadcast"]),
      ),
    )
    .orderBy(asc(chainTransactions.nonce));
}

/** Follows what is already signed: records receipts, sends again what was never sent, replaces what is stuck. */
async function followInFlight(ctx: ServiceContext, db: Executor, chain: OpenChain, from: string, now: Date): Promise<number> {
  const rows = await inFlightOf(db, chain, from);
  const { replaceAfterMs } = timing(chain);
  const settings = feeSettings();
  let mined = 0;
  for (const row of rows) {
    const receipt = await findReceipt(chain, row.hashes);
    if (receipt) {
      await recordMined(ctx, row, receipt);
      mined++;
      continue;
    }
    if (row.status === "signed") {
      // Signed and recorded, then the process died (or the node did not answer): the same bytes again.
      if (row.nextAttemptAt <= now) await broadcast(db, chain, row);
      continue;
    }
    if (now.getTime() - row.broadcastAt!.getTime() < replaceAfterMs * (row.replacements + 1)) continue;
    // Not mined in time: the same nonce with higher fees, recorded before it is sent.
    const next = replacementFees(
      { maxFeePerGas: row.maxFeePerGas!, maxPriorityFeePerGas: row.maxPriorityFeePerGas! },
      await suggestFees(chain.clients.publicClient, settings),
      settings,
    );
    if (!next) {
      await broadcast(db, chain, { ...row }); // at the cap: make sure the node still has it
      continue;
    }
    const account = await signerAccount(db, row, row.signer);
    const raw = await account.signTransaction(request(row, row.nonce!, next, row.amount!));
    const hash = keccak256(raw);
    const [replaced] = await db
      .update(chainTransactions)
      .set({
        status: "signed",
        rawTransaction: raw,
        txHash: hash,
        hashes: sql`${chainTransactions.hashes} || ${JSON.stringify([hash])}::jsonb`,
        maxFeePerGas: next.maxFeePerGas,
        maxPriorityFeePerGas: next.maxPriorityFeePerGas,
        replacements: row.replacements + 1,
        updatedAt: now,
      })
      .where(and(eq(chainTransactions.id, row.id), eq(chainTransactions.status, "broadcast"), eq(chainTransactions.txHash, row.txHash!)))
      .returning();
    if (replaced) {
      logger.info({ transaction: row.id, nonce: row.nonce, hash, replacements: replaced.replacements }, "chain transaction replaced with a higher fee");
      await broadcast(db, chain, replaced);
    }
  }
  return mined;
}

interface Budget {
  eth: bigint;
  tokens: Map<string, bigint>;
}

/** What the account can still spend: its balances less what its signed, unmined transactions will take. */
async function budget(db: Executor, chain: OpenChain, from: Address, candidates: ChainTransactionRow[]): Promise<Budget> {
  const client = chain.clients.publicClient;
  const inFlight = await inFlightOf(db, chain, from);
  const tokens = new Map<string, bigint>();
  for (const address of new Set(candidates.map((c) => c.tokenAddress).filter((a): a is string => a !== null))) {
    tokens.set(address, await client.readContract({ address: address as Address, abi: erc20Abi, functionName: "balanceOf", args: [from] }));
  }
  let eth = await client.getBalance({ address: from, blockTag: "latest" });
  for (const t of inFlight) {
    eth -= gasOf(t) * t.maxFeePerGas! + valueOf(t, t.amount ?? 0n);
    if (t.tokenAddress && SPENDS_TOKENS.has(t.purpose) && tokens.has(t.tokenAddress)) tokens.set(t.tokenAddress, tokens.get(t.tokenAddress)! - t.amount!);
  }
  return { eth, tokens };
}

/**
 * Signs the account's queued transactions that may go now, in priority order (refunds, then gas, then
 * sweeps; oldest first), with consecutive nonces taken under the account's nonce row lock, and stores
 * each signed transaction before anything is sent: that row is the recovery point — after a crash the
 * same bytes are sent again, so a transaction is never sent twice with two nonces. One that the account
 * cannot pay for yet waits (backoff) without holding up the others behind it.
 */
async function dispatchQueued(ctx: ServiceContext, db: Executor, chain: OpenChain, from: Address, now: Date): Promise<ChainTransactionRow[]> {
  const chainId = chain.clients.chain.id;
  const after = sql`(${chainTransactions.afterId} is null or exists (select 1 from ${chainTransactions} a where a.id = ${chainTransactions.afterId} and a.status = 'mined'))`;
  const queued = and(eq(chainTransactions.chainId, chainId), eq(chainTransactions.fromAddress, from), eq(chainTransactions.status, "queued"));
  const candidates = await db
    .select()
    .from(chainTransactions)
    .where(and(queued, lte(chainTransactions.nextAttemptAt, now), after))
    .orderBy(asc(chainTransactions.priority), asc(chainTransactions.createdAt))
    .limit(BATCH);
  if (candidates.length === 0) return [];
  const settings = feeSettings();
  const fees = await suggestFees(chain.clients.publicClient, settings);
  const need = (c: ChainTransactionRow) => gasOf(c) * fees.maxFeePerGas;
  let funds = await budget(db, chain, from, candidates);
  const local = chain.localContracts !== null;
  const treasury = candidates[0]!.signer === "treasury";
  const ethNeeded = candidates.reduce((sum, c) => sum + need(c) * (c.purpose === "gas" ? 3n : 1n) + valueOf(c, c.amount ?? 0n), 0n);
  if (local && treasury && funds.eth < ethNeeded) {
    // The local chain's faucet: a treasury there never runs out of gas money (a real one is the merchant's to fund).
    await localTestClient(chain.clients).setBalance({
      address: from,
      value: (await chain.clients.publicClient.getBalance({ address: from })) + ethNeeded + 10n ** 18n,
    });
    funds = await budget(db, chain, from, candidates);
  }
  const [minedCount, account] = await Promise.all([
    chain.clients.publicClient.getTransactionCount({ address: from, blockTag: "latest" }),
    signerAccount(db, candidates[0]!, candidates[0]!.signer),
  ]);

  const waiting: { row: ChainTransactionRow; why: string }[] = [];
  const chosen: { row: ChainTransactionRow; amount: bigint }[] = [];
  for (const c of candidates) {
    const gas = need(c);
    let amount = c.amount;
    // Gas for a token sweep: its transfer at today's fee cap, twice over (fees may rise before it is sent); the rest stays for later sweeps.
    if (amount === null && c.purpose === "gas") amount = TOKEN_TRANSFER_GAS * fees.maxFeePerGas * 2n;
    if (amount === null) amount = funds.eth - gas; // an ETH sweep: everything but its gas
    if (MOVES_VALUE.has(c.purpose) && amount <= 0n) {
      waiting.push({ row: c, why: `waiting for funds: ${from} has too little ETH to send anything after gas` });
      continue;
    }
    const ethCost = gas + valueOf(c, amount);
    const tokenCost = c.tokenAddress && SPENDS_TOKENS.has(c.purpose) ? amount : 0n;
    const tokenLeft = c.tokenAddress ? (funds.tokens.get(c.tokenAddress) ?? 0n) : 0n;
    if (funds.eth < ethCost || tokenLeft < tokenCost) {
      waiting.push({ row: c, why: `waiting for funds: ${from} cannot pay ${amount} ${c.token} and its gas yet` });
      continue;
    }
    funds.eth -= ethCost;
    if (c.tokenAddress) funds.tokens.set(c.tokenAddress, tokenLeft - tokenCost);
    chosen.push({ row: c, amount });
  }

  const signed = await commit(ctx, async (tx, changes) => {
    await tx.insert(chainNonces).values({ chainId, address: from, nextNonce: minedCount }).onConflictDoNothing();
    const [nonceRow] = await tx
      .select()
      .from(chainNonces)
      .where(and(eq(chainNonces.chainId, chainId), eq(chainNonces.address, from)))
      .for("update");
    // The chain is ahead only if something else sent from this account: never reuse a nonce it has seen.
    let nonce = Math.max(nonceRow!.nextNonce, minedCount);
    const stillQueued = new Set(
      (
        await tx
          .select({ id: chainTransactions.id })
          .from(chainTransactions)
          .where(and(queued, inArray(chainTransactions.id, chosen.map((c) => c.row.id).concat(["-"]))))
          .for("update", { skipLocked: true })
      ).map((r) => r.id),
    );
    const out: ChainTransactionRow[] = [];
    for (const { row, amount } of chosen) {
      if (!stillQueued.has(row.id)) continue;
      const raw = await account.signTransaction(request(row, nonce, fees, amount));
      const hash = keccak256(raw);
      const [s] = await tx
        .update(chainTransactions)
        .set({
          status: "signed",
          nonce,
          amount,
          gasLimit: gasOf(row),
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
          rawTransaction: raw,
          txHash: hash,
          hashes: [hash],
          attempts: 0,
          lastError: null,
          updatedAt: now,
        })
        .where(eq(chainTransactions.id, row.id))
        .returning();
      await onChainTransactionSigned(tx, changes, ctx, s!);
      out.push(s!);
      nonce++;
    }
    await tx
      .update(chainNonces)
      .set({ nextNonce: nonce, updatedAt: now })
      .where(and(eq(chainNonces.chainId, chainId), eq(chainNonces.address, from)));
    for (const { row, why } of waiting) {
      const attempts = row.attempts + 1;
      await tx
        .update(chainTransactions)
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)), lastError: why, updatedAt: now })
        .where(and(eq(chainTransactions.id, row.id), eq(chainTransactions.status, "queued")));
    }
    return out;
  });
  for (const row of signed) await broadcast(db, chain, row);
  return signed;
}

/**
 * One pass of an account's sender (inngest/functions/chain-tx-send.ts runs it until nothing is open):
 * records what was mined, sends again what a crash left signed, replaces what is stuck, then signs and
 * sends what is queued. Safe to run twice at once: receipts are recorded under the row's lock, nonces are
 * taken under the account's lock, and a queued row is signed by whoever locks it first.
 */
export async function advanceSender({ ctx, from }: { ctx: ServiceContext; from: string }): Promise<SenderPass> {
  const chain = await cryptoChain();
  const db = await executor(ctx);
  const now = new Date();
  const mined = await followInFlight(ctx, db, chain, from, now);
  const signed = await dispatchQueued(ctx, db, chain, from as Address, now);
  const [open] = await db
    .select({
      count: sql<number>`count(*)::int`,
      next: sql<Date | null>`min(${chainTransactions.nextAttemptAt}) filter (where ${chainTransactions.status} = 'queued')`,
    })
    .from(chainTransactions)
    .where(
      and(
        eq(chainTransactions.chainId, chain.clients.chain.id),
        eq(chainTransactions.fromAddress, from),
        inArray(chainTransactions.status, ["queued", "signed", "broadcast"]),
      ),
    );
  const { pollMs } = timing(chain);
  const nextQueued = open?.next ? new Date(open.next).getTime() - Date.now() : pollMs;
  return { open: open?.count ?? 0, waitMs: Math.max(pollMs, Math.min(nextQueued, 60_000)), mined, signed: signed.length };
}
