import { getAddress, getContractAddress, isAddressEqual, type Address } from "viem";
import { kassaEscrowAbi, kassaEscrowBytecode } from "./artifacts/kassa-escrow";
import { kassaTestTokenAbi, kassaTestTokenBytecode } from "./artifacts/kassa-test-token";
import type { ChainClients } from "./clients";
import { LOCAL_CHAIN_ID, localAccount } from "./local-accounts";
import { ERC20_TOKEN_IDS, TOKENS, type Erc20TokenId } from "./tokens";

/** The contracts of a local chain: the test tokens and the escrow, all owned or deployed by the `deployer` account. */
export interface LocalContracts {
  tokens: Record<Erc20TokenId, Address>;
  escrow: Address;
  deployer: Address;
  /** Which of them this call deployed (empty when the chain already had them all). */
  deployed: (Erc20TokenId | "escrow")[];
}

type Slot = { name: Erc20TokenId; nonce: number } | { name: "escrow"; nonce: number };

/**
 * The deployer's nonce n always deploys the same contract (usdc, usdt, dai, then the escrow), so their
 * addresses are fixed — known before deployment and the same on every fresh local chain — and a
 * restart finds them by address instead of keeping a registry. The deployer account does nothing else.
 */
const SLOTS: Slot[] = [...ERC20_TOKEN_IDS.map((name, nonce) => ({ name, nonce })), { name: "escrow", nonce: ERC20_TOKEN_IDS.length }];

export function localContractAddress(name: Erc20TokenId | "escrow"): Address {
  const slot = SLOTS.find((s) => s.name === name)!;
  return getContractAddress({ from: localAccount("deployer").address, nonce: BigInt(slot.nonce) });
}

/** Is the contract at `address` the one this slot deploys? A token by its symbol, decimals and owner; the escrow by its interface. */
async function isExpected(clients: ChainClients, slot: Slot, address: Address): Promise<boolean> {
  const { publicClient } = clients;
  try {
    if (slot.name === "escrow") {
      await publicClient.readContract({ address, abi: kassaEscrowAbi, functionName: "depositCount" });
      return true;
    }
    const [symbol, decimals, owner] = await Promise.all([
      publicClient.readContract({ address, abi: kassaTestTokenAbi, functionName: "symbol" }),
      publicClient.readContract({ address, abi: kassaTestTokenAbi, functionName: "decimals" }),
      publicClient.readContract({ address, abi: kassaTestTokenAbi, functionName: "owner" }),
    ]);
    return symbol === TOKENS[slot.name].symbol && decimals === TOKENS[slot.name].decimals && owner === localAccount("deployer").address;
  } catch {
    return false;
  }
}

async function deploySlot(clients: ChainClients, slot: Slot): Promise<Address> {
  const wallet = clients.walletClient(localAccount("deployer"));
  const nonce = slot.nonce;
  const hash =
    slot.name === "escrow"
      ? await wallet.deployContract({ abi: kassaEscrowAbi, bytecode: kassaEscrowBytecode, nonce })
      : await wallet.deployContract({
          abi: kassaTestTokenAbi,
          bytecode: kassaTestTokenBytecode,
          args: [`${TOKENS[slot.name].name} (Kassa test)`, TOKENS[slot.name].symbol, TOKENS[slot.name].decimals],
          nonce,
        });
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) throw new Error(`Deploying ${slot.name} on the local chain failed (tx ${hash}).`);
  return getAddress(receipt.contractAddress);
}

/**
 * Deploys the test tokens and the escrow to a local chain (id 31337) unless they are there already;
 * safe to call on every start. Refuses a chain whose deployer nonce was spent on something else.
 */
export async function ensureLocalContracts(clients: ChainClients): Promise<LocalContracts> {
  if (clients.chain.id !== LOCAL_CHAIN_ID)
    throw new Error(`Test contracts are deployed on the local chain (${LOCAL_CHAIN_ID}) only, not chain ${clients.chain.id}.`);
  const deployer = localAccount("deployer").address;
  const deployed: LocalContracts["deployed"] = [];
  for (const slot of SLOTS) {
    const address = localContractAddress(slot.name);
    const code = await clients.publicClient.getCode({ address });
    if (code && code !== "0x") {
      if (!(await isExpected(clients, slot, address))) throw new Error(`The local chain has another contract at ${slot.name}'s address ${address}.`);
      continue;
    }
    const nonce = await clients.publicClient.getTransactionCount({ address: deployer, blockTag: "pending" });
    if (nonce !== slot.nonce) {
      throw new Error(
        `The local deployer ${deployer} has nonce ${nonce}, but ${slot.name} is deployed at nonce ${slot.nonce}: its account was used for something else.`,
      );
    }
    const at = await deploySlot(clients, slot);
    if (!isAddressEqual(at, address)) throw new Error(`${slot.name} was deployed at ${at}, not at ${address}.`);
    deployed.push(slot.name);
  }
  const tokens = Object.fromEntries(ERC20_TOKEN_IDS.map((id) => [id, localContractAddress(id)])) as Record<Erc20TokenId, Address>;
  return { tokens, escrow: localContractAddress("escrow"), deployer, deployed };
}
