/**
 * The local chain's constants without viem: the chain process (local-node-server.ts) imports only this,
 * since loading viem would add over a second to every chain start. local-accounts.ts derives the keys,
 * and its test checks they still give these addresses.
 */

/** The local chain's id, Hardhat's and Anvil's: wallets and tools know it as a development chain. */
export const LOCAL_CHAIN_ID = 31337;

/** Every local account starts with this much ETH (10,000 ETH). */
export const LOCAL_ACCOUNT_BALANCE = 10_000n * 10n ** 18n;

/** Named accounts of the local chain and their addresses (keys in local-accounts.ts). */
export const LOCAL_ADDRESSES = {
  deployer: "0x03fFe22d5bEbE0f48484d6e3E4f802Df301c9575",
  arbiter: "0xA643c889e0fB06DF93C6571106Ad7a72f4176341",
  merchant: "0xEE3033643A6cDc29838610556a130F81ba51680d",
  payer: "0x7401ebC6EC2F33D67CdA34C8531d9F8E43205e5B",
  other: "0x4e1E9006Eb37B5CD506BB65C6a227BF979160b96",
  spare1: "0x8de8Cd1fcD39fd2796751C415587AFe57f4c117D",
  spare2: "0x2E31DA6505E58598a760C2040e28b381e44601B7",
  spare3: "0xF134145E1cb6c422b335642B0F09ed6795A01426",
} as const;

export type LocalRole = keyof typeof LOCAL_ADDRESSES;
export const LOCAL_ROLES = Object.keys(LOCAL_ADDRESSES) as LocalRole[];
