import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { cryptoDeposits, type PaymentRow } from "@/db/schema";
import { displayTokenAmount, isCheckoutCryptoToken, tokenSymbol, type CheckoutCryptoToken } from "./crypto-amount";

/** What the crypto tab shows for a payment waiting for its transfer: all of it from the payment's next_action. */
export interface CheckoutCryptoTransfer {
  payment: string;
  token: CheckoutCryptoToken;
  symbol: string;
  /** What is still to send, as read ("12.50") and exact (base units, for a wallet). */
  amount: string;
  amount_units: string;
  address: string;
  chain_id: number;
  network: string;
  /** The token's ERC-20 contract, which a wallet calls transfer(address, uint256) on. */
  token_address: string;
  eip681_uri: string;
  /** The QR as a data: URL of Kassa's own SVG, shown in an <img> (never put into the page as markup). */
  qr_data_url: string;
  /** Unix seconds. */
  expires_at: number;
}

const NETWORKS: Record<number, string> = {
  1: "Ethereum",
  10: "OP Mainnet",
  137: "Polygon",
  8453: "Base",
  42161: "Arbitrum One",
  11155111: "Sepolia (test network)",
  31337: "Kassa's local test chain",
};

export const networkName = (chainId: number) => NETWORKS[chainId] ?? `Chain ${chainId}`;

/** The view of a payment still waiting for (the rest of) its transfer; null once it is paid, expired or canceled. */
export async function cryptoTransferView(db: Executor, payment: PaymentRow): Promise<CheckoutCryptoTransfer | null> {
  const next = payment.nextAction;
  if (payment.status !== "requires_action" || next?.type !== "crypto_transfer") return null;
  const action = next.crypto_transfer;
  if (!isCheckoutCryptoToken(action.token)) return null;
  const [deposit] = await db
    .select({ tokenAddress: cryptoDeposits.tokenAddress })
    .from(cryptoDeposits)
    .where(and(eq(cryptoDeposits.id, payment.id), eq(cryptoDeposits.merchantId, payment.merchantId), eq(cryptoDeposits.livemode, payment.livemode)));
  if (!deposit?.tokenAddress) return null;
  const units = BigInt(action.amount_in_token_units);
  return {
    payment: payment.id,
    token: action.token,
    symbol: tokenSymbol(action.token),
    amount: displayTokenAmount(units, action.token),
    amount_units: units.toString(),
    address: action.address,
    chain_id: action.chain_id,
    network: networkName(action.chain_id),
    token_address: deposit.tokenAddress,
    eip681_uri: action.eip681_uri,
    qr_data_url: `data:image/svg+xml;base64,${Buffer.from(action.qr_svg, "utf8").toString("base64")}`,
    expires_at: action.expires_at,
  };
}
