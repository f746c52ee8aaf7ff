import {
  CANCUN,
  ContractDecoder,
  EdrContext,
  L1_CHAIN_TYPE,
  MineOrdering,
  PRAGUE,
  l1GenesisState,
  l1HardforkFromString,
  l1ProviderFactory,
  type Provider,
} from "@nomicfoundation/edr";
import { EVM_VERSION } from "./evm-version";
import { LOCAL_ACCOUNT_BALANCE, LOCAL_ADDRESSES, LOCAL_CHAIN_ID } from "./local-addresses";

const BLOCK_GAS_LIMIT = 30_000_000n;
/** solc's EVM version names → EDR's hardfork names. */
const EDR_HARDFORKS = { cancun: CANCUN, prague: PRAGUE } as const;

/** One JSON-RPC 2.0 request or response as it goes over the wire. */
export interface JsonRpcRequest {
  jsonrpc?: "2.0";
  id?: string | number | null;
  method: string;
  params?: unknown[];
}
export interface JsonRpcResponse {
  jsonrpc: "2.0";
  id: string | number | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A local EVM chain held by EDR (Hardhat's Rust runtime, an npm package with a prebuilt binary). */
export interface LocalNode {
  handle(request: JsonRpcRequest): Promise<JsonRpcResponse>;
}

/**
 * EDR answers a reverted eth_call / eth_estimateGas Hardhat's way (code -32602 or -32603, the revert data
 * inside an object); geth, Reth and the hosted RPCs answer with code 3 and the revert data as hex, which
 * is what viem decodes into the contract's custom error. The local chain answers like them, so error
 * handling written against it holds in production.
 */
function asNodeRevert(error: NonNullable<JsonRpcResponse["error"]>): NonNullable<JsonRpcResponse["error"]> {
  const revert = (error.data as { data?: unknown } | undefined)?.data;
  if (typeof revert !== "string" || !/^0x(?:[0-9a-fA-F]{2})*$/.test(revert)) return error;
  return { code: 3, message: error.message.replace(/^VM Exception while processing transaction: reverted/, "execution reverted"), data: revert };
}

let context: Promise<EdrContext> | undefined;

/** EDR allows one context per process; it is made on first use. */
function edrContext(): Promise<EdrContext> {
  context ??= (async () => {
    const ctx = new EdrContext();
    await ctx.registerProviderFactory(L1_CHAIN_TYPE, l1ProviderFactory());
    return ctx;
  })();
  return context;
}

/**
 * A fresh chain (id 31337, hardfork = the contracts' EVM version, a block per transaction) whose named
 * local accounts hold 10,000 ETH each. EDR signs nothing: every transaction is signed by viem, as it is
 * against a real RPC endpoint.
 */
export async function createLocalNode(): Promise<LocalNode> {
  const ctx = await edrContext();
  const hardfork = EDR_HARDFORKS[EVM_VERSION];
  const provider: Provider = await ctx.createProvider(
    L1_CHAIN_TYPE,
    {
      allowBlocksWithSameTimestamp: false,
      allowUnlimitedContractSize: false,
      // A failed eth_call or transaction answers with its revert data, as a real node does.
      bailOnCallFailure: false,
      bailOnTransactionFailure: false,
      chainId: BigInt(LOCAL_CHAIN_ID),
      coinbase: new Uint8Array(20),
      defaultTransactionGasLimit: BLOCK_GAS_LIMIT,
      genesisState: [
        // The system contracts the hardfork expects (EIP-4788's beacon roots under Cancun).
        ...l1GenesisState(l1HardforkFromString(hardfork)),
        ...Object.values(LOCAL_ADDRESSES).map((address) => ({ address: Buffer.from(address.slice(2), "hex"), balance: LOCAL_ACCOUNT_BALANCE })),
      ],
      hardfork,
      initialBaseFeePerGas: 1_000_000_000n,
      minGasPrice: 0n,
      mining: { autoMine: true, blockGasLimit: BLOCK_GAS_LIMIT, memPool: { order: MineOrdering.Priority } },
      network: { genesisBlockGasLimit: BLOCK_GAS_LIMIT },
      networkId: BigInt(LOCAL_CHAIN_ID),
      observability: {},
      ownedAccounts: [],
      precompileOverrides: [],
    },
    { enable: false, decodeConsoleLogInputsCallback: () => [], printLineCallback: () => undefined },
    { subscriptionCallback: () => undefined },
    new ContractDecoder(),
  );
  return {
    async handle(request) {
      const id = request.id ?? null;
      const response = await provider.handleRequest(JSON.stringify({ jsonrpc: "2.0", id, method: request.method, params: request.params ?? [] }));
      const data = (typeof response.data === "string" ? JSON.parse(response.data) : response.data) as Omit<JsonRpcResponse, "jsonrpc" | "id">;
      return { jsonrpc: "2.0", id, ...data, ...(data.error ? { error: asNodeRevert(data.error) } : {}) };
    },
  };
}
