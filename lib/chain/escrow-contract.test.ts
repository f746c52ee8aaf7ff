import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEventLogs, type Address, type Hash, type TransactionReceipt } from "viem";
import { kassaEscrowAbi } from "./artifacts/kassa-escrow";
import { kassaTestTokenAbi } from "./artifacts/kassa-test-token";
import { connectChain, localTestClient, type ChainClients } from "./clients";
import { ensureLocalContracts, type LocalContracts } from "./deploy-local";
import { localAccount, type LocalRole } from "./local-accounts";
import { startLocalChain, type LocalChain } from "./local-chain";
import { revertError } from "./revert-error";
import { parseTokenAmount, type Erc20TokenId } from "./tokens";

// The contract's enums, as numbers on the wire.
const Status = { None: 0, Held: 1, Disputed: 2, Released: 3, Refunded: 4 } as const;
const Ruling = { ToPayee: 0, ToPayer: 1 } as const;
const HOUR = 3600n;

let chain: LocalChain;
let clients: ChainClients;
let contracts: LocalContracts;
let test: ReturnType<typeof localTestClient>;
let snapshot: Hash;

const addr = (role: LocalRole): Address => localAccount(role).address;
const wallet = (role: LocalRole) => clients.walletClient(localAccount(role));

async function mined(hash: Hash): Promise<TransactionReceipt> {
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

async function revertOf(promise: Promise<unknown>): Promise<{ name: string; args: readonly unknown[] } | null> {
  try {
    await promise;
  } catch (error) {
    return revertError(error);
  }
  throw new Error("expected the call to revert, and it succeeded");
}

async function now(): Promise<bigint> {
  return (await clients.publicClient.getBlock({ blockTag: "latest" })).timestamp;
}

/** Moves the chain's clock forward and mines a block with the new time. */
async function travel(seconds: bigint): Promise<void> {
  await test.increaseTime({ seconds: Number(seconds) });
  await test.mine({ blocks: 1 });
}

const balanceOf = (token: Erc20TokenId, who: Address) =>
  clients.publicClient.readContract({ address: contracts.tokens[token], abi: kassaTestTokenAbi, functionName: "balanceOf", args: [who] });

const getDeposit = (id: bigint) =>
  clients.publicClient.readContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "getDeposit", args: [id] });

const escrowAs = (role: LocalRole) => ({
  release: (id: bigint, gas?: bigint) =>
    wallet(role).writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "release", args: [id], gas }),
  dispute: (id: bigint) => wallet(role).writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "dispute", args: [id] }),
  resolve: (id: bigint, ruling: number) =>
    wallet(role).writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "resolve", args: [id, ruling] }),
  refund: (id: bigint) => wallet(role).writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "refund", args: [id] }),
});

function depositedId(receipt: TransactionReceipt): bigint {
  const [event] = parseEventLogs({ abi: kassaEscrowAbi, logs: receipt.logs, eventName: "Deposited" });
  return event!.args.id;
}

/** The payer escrows `amount` of `token` for the merchant, arbitrated by the arbiter: timelock in `lock`, dispute window `window`. */
async function depositToken(token: Erc20TokenId, amount: bigint, { lock = HOUR, window = HOUR / 2n } = {}) {
  const start = await now();
  const releaseAfter = start + lock;
  const disputeUntil = start + window;
  await mined(
    await wallet("payer").writeContract({
      address: contracts.tokens[token],
      abi: kassaTestTokenAbi,
      functionName: "approve",
      args: [contracts.escrow, amount],
    }),
  );
  const receipt = await mined(
    await wallet("payer").writeContract({
      address: contracts.escrow,
      abi: kassaEscrowAbi,
      functionName: "depositToken",
      args: [contracts.tokens[token], addr("payer"), addr("merchant"), addr("arbiter"), amount, releaseAfter, disputeUntil],
    }),
  );
  return { id: depositedId(receipt), releaseAfter, disputeUntil };
}

beforeAll(async () => {
  chain = await startLocalChain();
  clients = await connectChain({ url: chain.url, chainId: 31337 });
  contracts = await ensureLocalContracts(clients);
  test = localTestClient(clients);
  const deployer = wallet("deployer");
  for (const token of ["usdc", "dai"] as const) {
    await mined(
      await deployer.writeContract({
        address: contracts.tokens[token],
        abi: kassaTestTokenAbi,
        functionName: "mint",
        args: [addr("payer"), parseTokenAmount("1000000", token)],
      }),
    );
  }
});

afterAll(async () => {
  await chain?.stop();
});

// Each test starts from the same chain state: the clock and balances a test moved are rolled back.
beforeEach(async () => {
  snapshot = await test.snapshot();
});
afterEach(async () => {
  await test.revert({ id: snapshot });
});

describe("KassaEscrow on the local chain", () => {
  it("holds a token deposit and releases it to the payee only once the timelock has passed", async () => {
    const amount = parseTokenAmount("250.123456", "usdc");
    const payerBefore = await balanceOf("usdc", addr("payer"));
    const { id, releaseAfter } = await depositToken("usdc", amount);
    expect(await balanceOf("usdc", contracts.escrow)).toBe(amount);
    expect(await balanceOf("usdc", addr("payer"))).toBe(payerBefore - amount);
    expect(await getDeposit(id)).toMatchObject({ token: contracts.tokens.usdc, payer: addr("payer"), payee: addr("merchant"), amount, status: Status.Held });

    // Before the timelock: the call reverts with the custom error...
    expect(await revertOf(escrowAs("other").release(id))).toEqual({ name: "TimelockActive", args: [id, releaseAfter] });
    // ...and a transaction sent anyway (gas given, so nothing is simulated first) is mined as reverted.
    const forced = await wallet("other").writeContract({ address: contracts.escrow, abi: kassaEscrowAbi, functionName: "release", args: [id], gas: 200_000n });
    expect((await clients.publicClient.waitForTransactionReceipt({ hash: forced })).status).toBe("reverted");
    expect(await balanceOf("usdc", addr("merchant"))).toBe(0n);

    await travel(HOUR);
    expect(await now()).toBeGreaterThanOrEqual(releaseAfter);
    const receipt = await mined(await escrowAs("other").release(id)); // anyone may release
    expect(parseEventLogs({ abi: kassaEscrowAbi, logs: receipt.logs, eventName: "Released" }).map((e) => e.args)).toEqual([
      { id, payee: addr("merchant"), amount },
    ]);
    expect(await balanceOf("usdc", addr("merchant"))).toBe(250_123_456n);
    expect(await balanceOf("usdc", contracts.escrow)).toBe(0n);
    expect((await getDeposit(id)).status).toBe(Status.Released);
    expect(await revertOf(escrowAs("other").release(id))).toEqual({ name: "NotHeld", args: [id, Status.Released] });
  });

  it("lets the payer dispute inside the window, which blocks the release until the arbiter — and only the arbiter — rules", async () => {
    const amount = parseTokenAmount("99.000000000000000001", "dai");
    const { id } = await depositToken("dai", amount);
    expect(await revertOf(escrowAs("other").dispute(id))).toEqual({ name: "NotPayer", args: [addr("other")] });
    expect(await revertOf(escrowAs("arbiter").resolve(id, Ruling.ToPayee))).toEqual({ name: "NotDisputed", args: [id, Status.Held] });

    const receipt = await mined(await escrowAs("payer").dispute(id));
    expect(parseEventLogs({ abi: kassaEscrowAbi, logs: receipt.logs, eventName: "Disputed" }).map((e) => e.args)).toEqual([{ id, payer: addr("payer") }]);
    await travel(2n * HOUR); // past the timelock: a disputed deposit still does not release
    expect(await revertOf(escrowAs("other").release(id))).toEqual({ name: "DepositDisputed", args: [id] });
    expect(await revertOf(escrowAs("payer").dispute(id))).toEqual({ name: "DepositDisputed", args: [id] });

    for (const role of ["other", "payer", "merchant"] as const) {
      expect(await revertOf(escrowAs(role).resolve(id, Ruling.ToPayee)), role).toEqual({ name: "NotArbiter", args: [addr(role)] });
    }
    const resolved = await mined(await escrowAs("arbiter").resolve(id, Ruling.ToPayee));
    expect(parseEventLogs({ abi: kassaEscrowAbi, logs: resolved.logs, eventName: "Resolved" }).map((e) => e.args)).toEqual([
      { id, arbiter: addr("arbiter"), ruling: Ruling.ToPayee },
    ]);
    expect(await balanceOf("dai", addr("merchant"))).toBe(99_000_000_000_000_000_001n);
    expect((await getDeposit(id)).status).toBe(Status.Released);
  });

  it("returns a disputed deposit to the payer when the arbiter rules for them", async () => {
    const payerBefore = await balanceOf("usdc", addr("payer"));
    const { id } = await depositToken("usdc", 5_000_000n);
    await mined(await escrowAs("payer").dispute(id));
    await mined(await escrowAs("arbiter").resolve(id, Ruling.ToPayer));
    expect(await balanceOf("usdc", addr("payer"))).toBe(payerBefore);
    expect(await balanceOf("usdc", addr("merchant"))).toBe(0n);
    expect((await getDeposit(id)).status).toBe(Status.Refunded);
  });

  it("refuses a dispute once the window has closed, and the timelock still applies after", async () => {
    const { id, disputeUntil, releaseAfter } = await depositToken("usdc", 1_000_000n, { lock: HOUR, window: 600n });
    await travel(601n);
    expect(await now()).toBeGreaterThan(disputeUntil);
    expect(await revertOf(escrowAs("payer").dispute(id))).toEqual({ name: "DisputeWindowClosed", args: [id, disputeUntil] });
    expect(await revertOf(escrowAs("other").release(id))).toEqual({ name: "TimelockActive", args: [id, releaseAfter] });
    await travel(HOUR);
    await mined(await escrowAs("other").release(id));
    expect(await balanceOf("usdc", addr("merchant"))).toBe(1_000_000n);
  });

  it("refunds the payer when the payee or the arbiter asks, and no one else", async () => {
    const payerBefore = await balanceOf("usdc", addr("payer"));
    const first = await depositToken("usdc", 7_500_000n);
    const second = await depositToken("usdc", 2_500_000n);
    for (const role of ["payer", "other"] as const) {
      expect(await revertOf(escrowAs(role).refund(first.id)), role).toEqual({ name: "NotPayeeOrArbiter", args: [addr(role)] });
    }
    const receipt = await mined(await escrowAs("merchant").refund(first.id));
    expect(parseEventLogs({ abi: kassaEscrowAbi, logs: receipt.logs, eventName: "Refunded" }).map((e) => e.args)).toEqual([
      { id: first.id, payer: addr("payer"), amount: 7_500_000n, by: addr("merchant") },
    ]);
    // The arbiter may refund a disputed deposit outright.
    await mined(await escrowAs("payer").dispute(second.id));
    await mined(await escrowAs("arbiter").refund(second.id));
    expect(await balanceOf("usdc", addr("payer"))).toBe(payerBefore);
    expect(await balanceOf("usdc", contracts.escrow)).toBe(0n);
    expect(await revertOf(escrowAs("merchant").refund(first.id))).toEqual({ name: "NotHeld", args: [first.id, Status.Refunded] });
    await travel(2n * HOUR);
    expect(await revertOf(escrowAs("other").release(first.id))).toEqual({ name: "NotHeld", args: [first.id, Status.Refunded] });
  });

  it("escrows ETH the same way, with exact wei", async () => {
    const amount = 1_250_000_000_000_000_001n; // 1.25 ETH + 1 wei
    const start = await now();
    const receipt = await mined(
      await wallet("payer").writeContract({
        address: contracts.escrow,
        abi: kassaEscrowAbi,
        functionName: "depositEth",
        args: [addr("payer"), addr("merchant"), addr("arbiter"), start + HOUR, start + HOUR / 2n],
        value: amount,
      }),
    );
    const id = depositedId(receipt);
    expect(await clients.publicClient.getBalance({ address: contracts.escrow })).toBe(amount);
    expect((await getDeposit(id)).token).toBe("0x0000000000000000000000000000000000000000");
    expect(await revertOf(escrowAs("other").release(id))).toMatchObject({ name: "TimelockActive" });

    const payeeBefore = await clients.publicClient.getBalance({ address: addr("merchant") });
    await travel(HOUR);
    await mined(await escrowAs("other").release(id)); // the payee pays no gas: its balance grows by exactly the amount
    expect(await clients.publicClient.getBalance({ address: addr("merchant") })).toBe(payeeBefore + amount);
    expect(await clients.publicClient.getBalance({ address: contracts.escrow })).toBe(0n);
  });

  it("refuses bad deposits: no allowance, zero amount, a window past the timelock, a timelock in the past, a zero party", async () => {
    const start = await now();
    // The token's errors too: a token's revert passes through the escrow, and viem decodes it by the ABI it is given.
    const abi = [...kassaEscrowAbi, ...kassaTestTokenAbi.filter((item) => item.type === "error")];
    const call = (args: { amount?: bigint; releaseAfter?: bigint; disputeUntil?: bigint; payee?: Address }) =>
      wallet("payer").writeContract({
        address: contracts.escrow,
        abi,
        functionName: "depositToken",
        args: [
          contracts.tokens.usdc,
          addr("payer"),
          args.payee ?? addr("merchant"),
          addr("arbiter"),
          args.amount ?? 1_000_000n,
          args.releaseAfter ?? start + HOUR,
          args.disputeUntil ?? start + 60n,
        ],
      });
    // No approval: the token's own error comes through the escrow unchanged.
    expect(await revertOf(call({}))).toEqual({ name: "InsufficientAllowance", args: [contracts.escrow, 0n, 1_000_000n] });
    expect(await revertOf(call({ amount: 0n }))).toEqual({ name: "ZeroAmount", args: [] });
    expect(await revertOf(call({ disputeUntil: start + 2n * HOUR }))).toEqual({ name: "InvalidSchedule", args: [start + HOUR, start + 2n * HOUR] });
    expect(await revertOf(call({ releaseAfter: start - 1n, disputeUntil: start - 1n }))).toMatchObject({ name: "InvalidSchedule" });
    expect(await revertOf(call({ payee: "0x0000000000000000000000000000000000000000" }))).toEqual({ name: "ZeroAddress", args: [] });
    expect(await revertOf(escrowAs("other").release(999n))).toEqual({ name: "UnknownDeposit", args: [999n] });
    // Plain ETH sent to the escrow (no deposit) is refused.
    await expect(wallet("payer").sendTransaction({ to: contracts.escrow, value: 1n })).rejects.toThrow(/Execution reverted/);
    expect(await clients.publicClient.getBalance({ address: contracts.escrow })).toBe(0n);
  });
});
