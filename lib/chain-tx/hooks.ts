import type { Transaction } from "@/db/client";
import type { ChainTransactionRow } from "@/db/schema";
import type { TransactionReceipt } from "viem";
import { noteCryptoRefundSigned, recordCryptoRefund } from "@/lib/crypto-payments/record-crypto-refund";
import { recordEscrowDeposited } from "@/lib/crypto-payments/record-escrow-deposited";
import type { Changes } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";

/** What a signed transaction changes besides its own row, in the same database transaction. */
export async function onChainTransactionSigned(tx: Transaction, _changes: Changes, _ctx: ServiceContext, row: ChainTransactionRow): Promise<void> {
  if (row.purpose === "refund") await noteCryptoRefundSigned(tx, row);
}

/**
 * What a mined (or reverted) transaction settles, in the transaction that records its receipt. Gas, sweeps,
 * approvals, releases and rulings settle nothing here: the escrow watch run books what the contract shows.
 */
export async function onChainTransactionMined(
  tx: Transaction,
  changes: Changes,
  _ctx: ServiceContext,
  row: ChainTransactionRow,
  receipt: TransactionReceipt,
): Promise<void> {
  if (row.purpose === "refund") await recordCryptoRefund(tx, changes, row);
  if (row.purpose === "escrow_deposit") await recordEscrowDeposited(tx, changes, row, receipt);
}
