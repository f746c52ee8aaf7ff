import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Address } from "viem";
import { HDKey, hdKeyToAccount, type HDAccount } from "viem/accounts";
import type { Executor } from "@/db/client";
import { cryptoWallets } from "@/db/schema";
import { open, seal } from "@/lib/crypto/encryption";
import type { ServiceContext } from "@/lib/service/context";

type WalletRow = { index: number; seed_key_id: string; seed_ciphertext: string };

export interface DepositAddress {
  address: Address;
  index: number;
  /** The encryption key id of the seed it was derived from. */
  keyId: string;
}

/** The account at index i of a merchant's seed: BIP-44's Ethereum path m/44'/60'/0'/0/i. */
export function deriveDepositAccount(seedHex: string, index: number): HDAccount {
  return hdKeyToAccount(HDKey.fromMasterSeed(Buffer.from(seedHex, "hex")), { addressIndex: index });
}

/**
 * A fresh deposit address for one payment. One statement both makes the merchant's wallet at its first
 * crypto payment (a new 32-byte BIP-32 seed, sealed) and takes the next index: concurrent payments get
 * distinct indexes, and a concurrent first use keeps one seed (the other's sealed seed is discarded by
 * ON CONFLICT). An index taken by a request that then fails is simply never used.
 */
export async function allocateDepositAddress(db: Executor, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<DepositAddress> {
  const sealed = seal(randomBytes(32).toString("hex"));
  const result = await db.execute(sql`
    insert into ${cryptoWallets} (merchant_id, livemode, seed_key_id, seed_ciphertext, next_index)
    values (${ctx.merchantId}, ${ctx.livemode}, ${sealed.keyId}, ${sealed.ciphertext}, 1)
    on conflict (merchant_id, livemode) do update set next_index = ${cryptoWallets}.next_index + 1, updated_at = now()
    returning next_index - 1 as index, seed_key_id, seed_ciphertext`);
  // The drivers answer rows differently (pg and PGlite: { rows }; neon-http: the array).
  const row = ((result as unknown as { rows?: WalletRow[] }).rows ?? (result as unknown as WalletRow[]))[0]!;
  const seed = open({ keyId: row.seed_key_id, ciphertext: row.seed_ciphertext });
  const index = Number(row.index);
  return { address: deriveDepositAccount(seed, index).address, index, keyId: row.seed_key_id };
}
