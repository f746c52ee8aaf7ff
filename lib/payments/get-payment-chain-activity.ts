import { and, asc, eq, inArray, or } from "drizzle-orm";
import { chainTransactions, cryptoDeposits, refunds, type ChainTxPurpose, type ChainTxStatus, type CryptoToken } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";

/** One outgoing transaction of a crypto payment as its dashboard page shows it (amounts in base units, as strings). */
export interface PaymentChainTransaction {
  id: string;
  purpose: ChainTxPurpose;
  status: ChainTxStatus;
  token: CryptoToken;
  /** Null until signed for an ETH sweep (it takes the balance less its gas). */
  amount: string | null;
  from: string;
  to: string;
  /** The refund it sends (`re_…`), or null for the payment's own sweep and gas. */
  refund: string | null;
  tx_hash: string | null;
  nonce: number | null;
  block_number: string | null;
  /** The last broadcast or signing problem, cut to its first line with any URL removed (an RPC URL may carry a key). */
  last_error: string | null;
  /** Unix seconds. */
  created: number;
  mined_at: number | null;
}

export interface PaymentChainActivity {
  /** What the merchant can still refund (base units): the amount less its pending and succeeded refunds; null without a deposit. */
  refundable: string | null;
  /** Oldest first: gas, the sweep, then refunds (a merchant's and any surplus or late money sent back). */
  transactions: PaymentChainTransaction[];
}

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** An error as the chain client wrote it, fit to show a merchant: its first line, no URLs. */
export function displayChainError(text: string | null): string | null {
  if (!text) return null;
  const line = text
    .split("\n")[0]!
    .replace(/\b(?:https?|wss?):\/\/\S+/gi, "[node]")
    .trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * A crypto payment's outgoing transactions (its sweep and the sweep's gas, whose source is the payment;
 * its refunds, whose source is the refund) and what is left to refund, for the payment's dashboard page.
 * Read-only; scoped to the merchant and mode: another merchant's payment has none.
 */
export async function getPaymentChainActivity({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }): Promise<PaymentChainActivity> {
  requirePermission(ctx, "payments:read");
  const db = await executor(ctx);
  const [[deposit], refundRows] = await Promise.all([
    db
      .select({ amount: cryptoDeposits.amount, amountRefunded: cryptoDeposits.amountRefunded })
      .from(cryptoDeposits)
      .where(and(eq(cryptoDeposits.id, paymentId), eq(cryptoDeposits.merchantId, ctx.merchantId), eq(cryptoDeposits.livemode, ctx.livemode))),
    db
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.paymentId, paymentId), eq(refunds.merchantId, ctx.merchantId), eq(refunds.livemode, ctx.livemode))),
  ]);
  if (!deposit) return { refundable: null, transactions: [] };
  const refundIds = refundRows.map((r) => r.id);
  const rows = await db
    .select()
    .from(chainTransactions)
    .where(
      and(
        eq(chainTransactions.merchantId, ctx.merchantId),
        eq(chainTransactions.livemode, ctx.livemode),
        refundIds.length
          ? or(eq(chainTransactions.sourceId, paymentId), inArray(chainTransactions.sourceId, refundIds))
          : eq(chainTransactions.sourceId, paymentId),
      ),
    )
    .orderBy(asc(chainTransactions.createdAt), asc(chainTransactions.id));
  const refundable = deposit.amount - deposit.amountRefunded;
  return {
    refundable: (refundable > 0n ? refundable : 0n).toString(),
    transactions: rows.map((t) => ({
      id: t.id,
      purpose: t.purpose,
      status: t.status,
      token: t.token,
      amount: t.amount?.toString() ?? null,
      from: t.fromAddress,
      to: t.toAddress,
      refund: t.purpose === "refund" ? t.sourceId : null,
      tx_hash: t.txHash,
      nonce: t.nonce,
      block_number: t.blockNumber?.toString() ?? null,
      last_error: displayChainError(t.lastError),
      created: seconds(t.createdAt)!,
      mined_at: seconds(t.minedAt),
    })),
  };
}
