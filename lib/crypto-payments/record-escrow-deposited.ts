import { eq } from "drizzle-orm";
import { parseEventLogs, type TransactionReceipt } from "viem";
import type { Transaction } from "@/db/client";
import { cryptoDeposits, payments, type ChainTransactionRow } from "@/db/schema";
import { kassaEscrowAbi } from "@/lib/chain/artifacts/kassa-escrow";
import { declareInternalEvent, INTERNAL_EVENTS } from "@/lib/events/internal-events";
import { serializePayment } from "@/lib/payments/serialize-payment";
import type { Changes } from "@/lib/service/commit";
import { saveCryptoEscrow } from "./queue-escrow";

/**
 * The escrow deposit's receipt, in the transaction that records it: the deposit's id from its `Deposited`
 * log, the escrow `held`, the merchant's `escrow.held` event, and the watch run that releases it at the
 * timelock (or follows a dispute) started. A reverted deposit leaves the tokens in the treasury and the
 * escrow `depositing`, for an operator (the payment's page shows the failed transaction).
 */
export async function recordEscrowDeposited(tx: Transaction, changes: Changes, row: ChainTransactionRow, receipt: TransactionReceipt): Promise<void> {
  if (row.status !== "mined") return;
  const [deposit] = await tx.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, row.sourceId)).for("update");
  if (!deposit?.escrow || deposit.escrow.status !== "depositing") return;
  const [log] = parseEventLogs({ abi: kassaEscrowAbi, eventName: "Deposited", logs: receipt.logs });
  if (!log) throw new Error(`escrow deposit ${row.txHash} has no Deposited log`);
  const escrow = { ...deposit.escrow, status: "held" as const, deposit_id: log.args.id.toString() };
  await saveCryptoEscrow(tx, deposit.id, escrow);
  const [payment] = await tx.select().from(payments).where(eq(payments.id, deposit.id));
  changes.audit({ action: "escrow.held", targetType: "payment", targetId: deposit.id, metadata: { deposit_id: escrow.deposit_id, tx_hash: row.txHash } });
  changes.event("escrow.held", serializePayment(payment!));
  declareInternalEvent(changes, INTERNAL_EVENTS.cryptoEscrowHeld, {
    merchant: deposit.merchantId,
    livemode: deposit.livemode ? "true" : "false",
    payment: deposit.id,
    releaseAt: String(escrow.release_at),
  });
}
