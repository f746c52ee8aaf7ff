import { keccak256, stringToHex, type Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import { LOCAL_ROLES, type LocalRole } from "./local-addresses";

export { LOCAL_ACCOUNT_BALANCE, LOCAL_ADDRESSES, LOCAL_CHAIN_ID, type LocalRole } from "./local-addresses";

/**
 * The keys of the local chain's named accounts, derived from public strings: the same on every machine
 * and worth nothing, so they must never hold value on a real chain.
 */
export function localPrivateKey(role: LocalRole): Hex {
  return keccak256(stringToHex(`kassa local chain: ${role}`));
}

const accounts = new Map<LocalRole, PrivateKeyAccount>();

export function localAccount(role: LocalRole): PrivateKeyAccount {
  let account = accounts.get(role);
  if (!account) {
    account = privateKeyToAccount(localPrivateKey(role));
    accounts.set(role, account);
  }
  return account;
}

export function allLocalAccounts(): PrivateKeyAccount[] {
  return LOCAL_ROLES.map(localAccount);
}
