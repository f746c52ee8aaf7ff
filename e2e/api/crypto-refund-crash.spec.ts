// A crypto refund killed between broadcasting its transaction and recording the broadcast: a whole app
// process (its own database, embedded workflow executor and outbox relay, on a local chain the test owns)
// signs and stores the refund's transaction, sends it — the node holds it, not yet mined — and SIGKILLs
// itself before it records anything more. Started again, the sender sends the same stored bytes (the node
// already has them: no second transaction), the chain mines, and the refund settles: one transaction mined
// at the stored nonce, one posting. A build that signs the refund anew after the crash fails here.
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { erc20Abi, type Address } from "viem";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { chainTransactions, journalEntries, refunds } from "@/db/schema";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { kassaTestTokenAbi } from "@/lib/chain/artifacts/kassa-test-token";
import { connectChain, localTestClient } from "@/lib/chain/clients";
import { ensureLocalContracts } from "@/lib/chain/deploy-local";
import { LOCAL_ADDRESSES, localAccount } from "@/lib/chain/local-accounts";
import { startLocalChain, type LocalChain } from "@/lib/chain/local-chain";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { signUp } from "@/lib/team/sign-up";
import { createDatabase, freePort } from "@/scripts/pg-server";
import { startServerProcess, type ServerProcess } from "../support/server-process";
import { PASSWORD, uniqueEmail } from "../support/db";

test.describe.configure({ timeout: 240_000 });

let h: DatabaseHandle | undefined;
let server: ServerProcess | undefined;
let chain: LocalChain | undefined;
test.afterEach(async () => {
  await server?.stop();
  await h?.close();
  await chain?.stop();
});

test("kill -9 between a crypto refund's broadcast and its record, then restart: one transaction mined, one refund posting", async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = "/postgres";
  const url = await createDatabase(admin.toString(), `kassa_chain_crash_${Date.now().toString(36)}`);
  h = await openDatabase(url);
  await migrateDatabase(h);
  chain = await startLocalChain();
  const clients = await connectChain({ url: chain.url, chainId: 31337 });
  const contracts = await ensureLocalContracts(clients);
  const usdc = contracts.tokens.usdc;
  const mint = await clients
    .walletClient(localAccount("deployer"))
    .writeContract({ address: usdc, abi: kassaTestTokenAbi, functionName: "mint", args: [localAccount("payer").address, 10n ** 12n] });
  await clients.publicClient.waitForTransactionReceipt({ hash: mint });

  const { userId, merchantId } = await signUp({
    db: h.db,
    input: { name: "Owner", email: uniqueEmail("chaincrash"), password: PASSWORD, business_name: "Chain crash shop" },
  });
  const ctx = { merchantId, livemode: false, actor: { type: "user" as const, id: userId }, role: "owner" as const, db: h.db };
  const { secret } = await createApiKey({ ctx, input: { kind: "secret", name: "crash" } });

  const port = await freePort();
  const env = {
    DATABASE_URL: url,
    KASSA_LOCAL_EXECUTOR: "true",
    KASSA_EXECUTOR_PORT: String(await freePort()),
    KASSA_EXECUTOR_LEASE_MS: "3000",
    EVM_RPC_URL: chain.url,
    EVM_CHAIN_ID: "31337",
    CRYPTO_POLL_SECONDS: "1",
  };
  server = await startServerProcess(port, { env, failpoints: ["chain.refund.broadcast:after"] });
  const { inngestFunctions } = await import("@/inngest/local/schema");
  await expect
    .poll(async () => (await h!.db.select({ id: inngestFunctions.id }).from(inngestFunctions)).some((f) => f.id === "kassa-chain-tx-send"), {
      timeout: 30_000,
      intervals: [200],
    })
    .toBe(true);
  const post = (path: string, body: object, key: string) =>
    fetch(`${server!.url}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });

  // A paid USDC payment, swept to the treasury.
  const created = await post("/api/v1/payments", { amount: "25000000", currency: "usdc", payment_method_types: ["crypto"] }, "crash-pay");
  const payment = (await created.json()) as { id: string; next_action: { crypto_transfer: { address: Address } } };
  expect(created.status, JSON.stringify(payment)).toBe(200);
  const pay = await clients
    .walletClient(localAccount("payer"))
    .writeContract({ address: usdc, abi: erc20Abi, functionName: "transfer", args: [payment.next_action.crypto_transfer.address, 25_000_000n] });
  await clients.publicClient.waitForTransactionReceipt({ hash: pay });
  const sweep = async () =>
    (
      await h!.db
        .select()
        .from(chainTransactions)
        .where(and(eq(chainTransactions.sourceId, payment.id), eq(chainTransactions.purpose, "sweep")))
    )[0]?.status;
  await expect.poll(sweep, { timeout: 60_000, intervals: [250] }).toBe("mined");

  const treasury = (await h.db.select().from(chainTransactions).where(eq(chainTransactions.sourceId, payment.id)))[0]!.fromAddress as Address;
  const recipient = LOCAL_ADDRESSES.other as Address;
  const balance = () => clients.publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: "balanceOf", args: [recipient] });
  const [nonceBefore, balanceBefore] = await Promise.all([clients.publicClient.getTransactionCount({ address: treasury }), balance()]);

  // The refund: its transaction is signed, stored, sent — and the process dies before recording the broadcast.
  // The chain stops mining on its own, as a real chain has not mined a transaction the moment it is sent: the
  // refund's transaction waits in the node's pool, so the restarted app cannot just find a receipt — it must
  // send exactly the stored bytes again (same nonce, same hash), never sign the refund anew.
  const test = localTestClient(clients);
  await test.setAutomine(false);
  const res = await post("/api/v1/refunds", { payment: payment.id, amount: "10000000", crypto: { address: recipient } }, "crash-refund");
  const refund = (await res.json()) as { id: string; status: string; crypto: { transaction: string } };
  expect(res.status, JSON.stringify(refund)).toBe(200);
  expect(refund.status).toBe("pending");
  const died = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
  expect(died).toBe("SIGKILL");
  const txRow = async () => (await h!.db.select().from(chainTransactions).where(eq(chainTransactions.id, refund.crypto.transaction)))[0]!;
  const stored = await txRow();
  expect(stored.status).toBe("signed"); // recorded before the broadcast; the broadcast itself never recorded
  expect(stored.hashes).toEqual([stored.txHash]);
  // The node has it, unmined.
  const pending = await clients.publicClient.getTransaction({ hash: stored.txHash as `0x${string}` });
  expect(pending.blockNumber).toBeNull();
  expect((await h.db.select().from(refunds).where(eq(refunds.id, refund.id)))[0]!.status).toBe("pending");

  // Restarted without the failpoint: the sender sends what it stored again; then the chain mines.
  server = await startServerProcess(port, { env });
  await expect.poll(async () => (await txRow()).status, { timeout: 60_000, intervals: [250] }).toBe("broadcast");
  await test.setAutomine(true);
  await test.mine({ blocks: 1 });
  await expect
    .poll(async () => (await h!.db.select().from(refunds).where(eq(refunds.id, refund.id)))[0]?.status, { timeout: 90_000, intervals: [250] })
    .toBe("succeeded");
  const settled = await txRow();
  expect(settled).toMatchObject({ status: "mined", txHash: stored.txHash, nonce: stored.nonce });
  expect(settled.hashes).toEqual([stored.txHash]);
  expect(await clients.publicClient.getTransactionCount({ address: treasury })).toBe(nonceBefore + 1);
  expect(await balance()).toBe(balanceBefore + 10_000_000n);
  const posted = (await h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, merchantId))).filter((e) => e.sourceId === refund.id);
  expect(posted.map((e) => e.type)).toEqual(["crypto_refund"]);
  expect((await checkMoneyInvariants(h.db, { merchantId })).problems).toEqual([]);
});
