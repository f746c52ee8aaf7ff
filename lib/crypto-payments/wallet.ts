import { and, eq } from "drizzle-orm";
import type { Address } from "viem";
import { HDKey, hdKeyToAccount, type HDAccount, type LocalAccount } from "viem/accounts";
import type { Executor } from "@/db/client";
import { cryptoWallets } from "@/db/schema";
import { open } from "@/lib/crypto/encryption";
import type { ServiceContext } from "@/lib/service/context";
import { arbiterAccount, cryptoChain } from "./chain";
import { deriveDepositAccount } from "./deposit-address";

/** The account every refund is sent from and every sweep goes to. */
export const TREASURY = "treasury";

/** Kassa's escrow arbiter (lib/crypto-payments/chain.ts arbiterAccount): not the merchant's, one per chain. */
export const ARBITER = "arbiter";

/** A signer as a chain transaction names it: the treasury, the deposit address at an index, or the arbiter. */
export type SignerName = typeof TREASURY | typeof ARBITER | `deposit:${number}`;

export const depositSigner = (index: number): SignerName => `deposit:${index}`;

/**
 * The merchant's treasury in a mode: m/44'/60'/1'/0/0 of its wallet seed — BIP-44 account 1, apart from the
 * deposit addresses of account 0, so no payment's address is ever the treasury. Swept funds gather here,
 * refunds leave from here, and it pays the gas of sweeps (on a real chain the merchant keeps ETH in it).
 */
export function deriveTreasuryAccount(seedHex: string): HDAccount {
  return hdKeyToAccount(HDKey.fromMasterSeed(Buffer.from(seedHex, "hex")), { accountIndex: 1, addressIndex: 0 });
}

async function walletSeed(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<string | null> {
  const [row] = await db
    .select({ keyId: cryptoWallets.seedKeyId, ciphertext: cryptoWallets.seedCiphertext })
    .from(cryptoWallets)
    .where(and(eq(cryptoWallets.merchantId, ctx.merchantId), eq(cryptoWallets.livemode, ctx.livemode)));
  return row ? open({ keyId: row.keyId, ciphertext: row.ciphertext }) : null;
}

/** The signing account a transaction names, from the merchant's sealed seed. */
export async function signerAccount(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">, signer: string): Promise<LocalAccount> {
  if (signer === ARBITER) {
    const arbiter = arbiterAccount(await cryptoChain());
    if (!arbiter) throw new Error("No escrow arbiter key: set CRYPTO_ARBITER_PRIVATE_KEY");
    return arbiter;
  }
  const seed = await walletSeed(db, ctx);
  if (!seed) throw new Error(`Merchant ${ctx.merchantId} has no crypto wallet to sign for ${signer}`);
  if (signer === TREASURY) return deriveTreasuryAccount(seed);
  const match = /^deposit:(\d+)$/.exec(signer);
  if (!match) throw new Error(`Unknown signer ${signer}`);
  return deriveDepositAccount(seed, Number(match[1]));
}

/** The treasury's address, or null before the merchant's first crypto payment made its wallet. */
export async function treasuryAddress(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<Address | null> {
  const seed = await walletSeed(db, ctx);
  return seed ? deriveTreasuryAccount(seed).address : null;
}
