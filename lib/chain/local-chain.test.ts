import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransactionReceiptNotFoundError, type Address, type Hash } from "viem";
import { kassaTestTokenAbi } from "./artifacts/kassa-test-token";
import { ChainIdMismatchError, connectChain, localTestClient, type ChainClients } from "./clients";
import { ensureLocalContracts, localContractAddress, type LocalContracts } from "./deploy-local";
import { LOCAL_ACCOUNT_BALANCE, localAccount, type LocalRole } from "./local-accounts";
import { startLocalChain, type LocalChain } from "./local-chain";
import { openChain } from "./open-chain";
import { revertError } from "./revert-error";
import { parseTokenAmount, type Erc20TokenId } from "./tokens";

let chain: LocalChain;
let clients: ChainClients;
let first: LocalContracts;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

async function revertOf(promise: Promise<unknown>): Promise<{ name: string; args: readonly unknown[] } | null> {
  try {
    await promise;
  } catch (error) {
    return revertError(error);
  }
  throw new Error("expected the call to revert, and it succeeded");
}

async function mined(hash: Hash): Promise<void> {
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
}

function token(id: Erc20TokenId, role: LocalRole = "deployer") {
  const wallet = clients.walletClient(localAccount(role));
  const address = first.tokens[id];
  return {
    balanceOf: (who: Address) => clients.publicClient.readContract({ address, abi: kassaTestTokenAbi, functionName: "balanceOf", args: [who] }),
    mint: (to: Address, amount: bigint) => wallet.writeContract({ address, abi: kassaTestTokenAbi, functionName: "mint", args: [to, amount] }),
    transfer: (to: Address, amount: bigint) => wallet.writeContract({ address, abi: kassaTestTokenAbi, functionName: "transfer", args: [to, amount] }),
  };
}

beforeAll(async () => {
  chain = await startLocalChain();
  clients = await connectChain({ url: chain.url, chainId: 31337 });
  first = await ensureLocalContracts(clients);
});

afterAll(async () => {
  await chain?.stop();
  if (chain) expect(alive(chain.pid)).toBe(false);
});

describe("the local chain", () => {
  it("listens on 127.0.0.1 with chain id 31337 and funds the local accounts", async () => {
    expect(chain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await clients.publicClient.getChainId()).toBe(31337);
    expect(await clients.publicClient.getBalance({ address: localAccount("payer").address })).toBe(LOCAL_ACCOUNT_BALANCE);
  });

  it("deploys the test tokens and the escrow at fixed addresses at first start, and finds them after", async () => {
    expect(first.deployed).toEqual(["usdc", "usdt", "dai", "escrow"]);
    expect(first.tokens).toEqual({ usdc: localContractAddress("usdc"), usdt: localContractAddress("usdt"), dai: localContractAddress("dai") });
    expect(new Set([...Object.values(first.tokens), first.escrow]).size).toBe(4);
    const deployerNonce = await clients.publicClient.getTransactionCount({ address: first.deployer });

    const again = await ensureLocalContracts(clients);
    expect(again.deployed).toEqual([]);
    expect({ ...again, deployed: first.deployed }).toEqual(first);
    // A second app start against the running chain (EVM_RPC_URL) finds the same contracts and deploys nothing.
    const second = await openChain({ EVM_RPC_URL: chain.url, EVM_CHAIN_ID: "31337" });
    expect(second.localContracts?.deployed).toEqual([]);
    expect(second.localContracts?.escrow).toBe(first.escrow);
    await second.close();
    expect(await clients.publicClient.getTransactionCount({ address: first.deployer })).toBe(deployerNonce);

    const symbols = await Promise.all(
      (["usdc", "usdt", "dai"] as const).map(async (id) => [
        await clients.publicClient.readContract({ address: first.tokens[id], abi: kassaTestTokenAbi, functionName: "symbol" }),
        await clients.publicClient.readContract({ address: first.tokens[id], abi: kassaTestTokenAbi, functionName: "decimals" }),
      ]),
    );
    expect(symbols).toEqual([
      ["USDC", 6],
      ["USDT", 6],
      ["DAI", 18],
    ]);
  });

  it("refuses an RPC whose chain id is not the configured one", async () => {
    const error = await connectChain({ url: chain.url, chainId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainIdMismatchError);
    expect(error).toMatchObject({ expected: 1, reported: 31337 });
    await expect(openChain({ EVM_RPC_URL: chain.url, EVM_CHAIN_ID: "8453" })).rejects.toThrow(/serves chain id 31337.*configured for chain id 8453/);
  });

  it("mints and transfers a 6-decimal and an 18-decimal token with exact balances", async () => {
    const merchant = localAccount("merchant").address;
    const payer = localAccount("payer").address;
    const usdcAmount = parseTokenAmount("1000.000001", "usdc");
    const daiAmount = parseTokenAmount("12345.000000000000000001", "dai");
    await mined(await token("usdc").mint(payer, usdcAmount));
    await mined(await token("dai").mint(payer, daiAmount));
    expect(await token("usdc").balanceOf(payer)).toBe(1_000_000_001n);
    expect(await token("dai").balanceOf(payer)).toBe(12_345_000_000_000_000_000_001n);

    await mined(await token("usdc", "payer").transfer(merchant, parseTokenAmount("0.000001", "usdc")));
    await mined(await token("dai", "payer").transfer(merchant, 1n));
    expect(await token("usdc").balanceOf(payer)).toBe(1_000_000_000n);
    expect(await token("usdc").balanceOf(merchant)).toBe(1n);
    expect(await token("dai").balanceOf(payer)).toBe(12_345_000_000_000_000_000_000n);
    expect(await token("dai").balanceOf(merchant)).toBe(1n);
    expect(await clients.publicClient.readContract({ address: first.tokens.dai, abi: kassaTestTokenAbi, functionName: "totalSupply" })).toBe(daiAmount);

    expect(await revertOf(token("usdc", "other").mint(localAccount("other").address, 1n))).toEqual({ name: "NotOwner", args: [localAccount("other").address] });
    expect(await revertOf(token("usdc", "merchant").transfer(payer, 2n))).toEqual({ name: "InsufficientBalance", args: [merchant, 1n, 2n] });
  });

  it("undoes a mined transfer with evm_snapshot / evm_revert", async () => {
    const test = localTestClient(clients);
    const payer = localAccount("payer").address;
    const merchant = localAccount("merchant").address;
    await mined(await token("usdt").mint(payer, 5_000_000n));
    const blockBefore = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
    const snapshot = await test.snapshot();

    const hash = await token("usdt", "payer").transfer(merchant, 2_000_000n);
    await mined(hash);
    expect(await token("usdt").balanceOf(merchant)).toBe(2_000_000n);
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore + 1n);

    await test.revert({ id: snapshot });
    expect(await token("usdt").balanceOf(merchant)).toBe(0n);
    expect(await token("usdt").balanceOf(payer)).toBe(5_000_000n);
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(blockBefore);
    await expect(clients.publicClient.getTransactionReceipt({ hash })).rejects.toBeInstanceOf(TransactionReceiptNotFoundError);
  });

  it("starts its own chain with openChain() when EVM_RPC_URL is unset, and stop() ends its process", async () => {
    const opened = await openChain({});
    expect(opened.config).toEqual({ kind: "local", chainId: 31337 });
    expect(opened.clients.url).not.toBe(chain.url);
    expect(opened.localContracts?.deployed).toEqual(["usdc", "usdt", "dai", "escrow"]);
    // The same fixed addresses on every fresh local chain.
    expect(opened.localContracts?.escrow).toBe(first.escrow);
    const pid = opened.localChain!.pid;
    expect(alive(pid)).toBe(true);
    await opened.close();
    expect(alive(pid)).toBe(false);
    await expect(opened.clients.publicClient.getChainId()).rejects.toThrow();
    await opened.localChain!.stop(); // a second stop is harmless
  });

  it("stops with its parent, even one killed with SIGKILL: no chain process is left behind", async () => {
    const script = `import { startLocalChain } from "./lib/chain/local-chain.ts"; const c = await startLocalChain(); console.log(c.pid); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      parent.once("exit", (code) => reject(new Error(`the parent exited early (${code})`)));
    });
    expect(alive(pid)).toBe(true);
    parent.kill("SIGKILL");
    expect(await waitUntil(() => !alive(pid), 5_000)).toBe(true);
  });
});
