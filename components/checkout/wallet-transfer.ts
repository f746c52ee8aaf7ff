// Loaded only when the customer presses "Pay with wallet" (crypto-transfer.tsx imports it on the click):
// the checkout page itself carries none of viem. Only encodeFunctionData is taken from it.
import { encodeFunctionData, type Address } from "viem";

/** An EIP-1193 provider (window.ethereum: MetaMask, Coinbase Wallet, Rabby…). */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** ERC-20's transfer(address,uint256), the one function the checkout calls. */
const TRANSFER_ABI = [
  {
    type: "function",
    name: "transfer",
    stateMutability: "nonpayable",
    inputs: [
      { name: "to", type: "address" },
      { name: "amount", type: "uint256" },
    ],
    outputs: [{ name: "", type: "bool" }],
  },
] as const;

export type WalletFailure = "rejected" | "unknown_chain" | "no_account" | "failed";

export class WalletError extends Error {
  constructor(
    readonly reason: WalletFailure,
    message: string,
  ) {
    super(message);
    this.name = "WalletError";
  }
}

/** EIP-1193's codes: 4001 the user said no; 4902 (MetaMask, also wrapped in -32603 on mobile) the chain is not in the wallet. */
function failure(error: unknown): WalletError {
  const e = error as { code?: number; message?: string; data?: { originalError?: { code?: number } } } | null;
  const code = e?.data?.originalError?.code ?? e?.code;
  if (code === 4001) return new WalletError("rejected", "You declined in your wallet. Nothing was sent.");
  if (code === 4902) return new WalletError("unknown_chain", "Your wallet does not know this network.");
  const said = typeof e?.message === "string" ? e.message.slice(0, 200) : "";
  return new WalletError("failed", said ? `Your wallet could not send the transfer: ${said}` : "Your wallet could not send the transfer.");
}

/**
 * Asks the wallet for an account, to switch to the payment's chain, then to send `amount` base units of
 * the token to the deposit address (transfer(to, amount) on the token's contract, no ETH). Returns the
 * transaction hash; the checkout learns of the payment from Kassa's watcher, not from this.
 */
export async function sendTokenTransfer(provider: Eip1193Provider, args: { chainId: number; token: string; to: string; amount: string }): Promise<string> {
  try {
    const accounts = (await provider.request({ method: "eth_requestAccounts" })) as unknown;
    const from = Array.isArray(accounts) && typeof accounts[0] === "string" ? accounts[0] : null;
    if (!from) throw new WalletError("no_account", "Your wallet shared no account. Unlock it and try again.");
    await provider.request({ method: "wallet_switchEthereumChain", params: [{ chainId: `0x${args.chainId.toString(16)}` }] });
    const data = encodeFunctionData({ abi: TRANSFER_ABI, functionName: "transfer", args: [args.to as Address, BigInt(args.amount)] });
    const hash = await provider.request({ method: "eth_sendTransaction", params: [{ from, to: args.token, data, value: "0x0" }] });
    if (typeof hash !== "string") throw new WalletError("failed", "Your wallet gave no transaction hash.");
    return hash;
  } catch (error) {
    throw error instanceof WalletError ? error : failure(error);
  }
}
