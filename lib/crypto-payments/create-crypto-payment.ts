import { cryptoDeposits, payments, type CryptoDetails, type PaymentRow } from "@/db/schema";
import { TOKENS } from "@/lib/chain/tokens";
import { newId } from "@/lib/ids";
import { serializePayment, type PaymentObject } from "@/lib/payments/serialize-payment";
import { commitWrites } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { arbiterAccount, cryptoChain, escrowContract, tokenContract } from "./chain";
import { allocateDepositAddress } from "./deposit-address";
import { declareCryptoPaymentStarted } from "./events";
import { parseCryptoPayment } from "./inputs";
import { cryptoNextAction } from "./next-action";
import { cryptoSettings } from "./settings";

/** The connector name of payments paid on chain (no processor: Kassa watches the chain itself). */
export const CHAIN_CONNECTOR = "chain";

/**
 * POST /api/v1/payments with payment_method_types ["crypto"]: a payment that waits for a transfer of
 * `amount` base units of the token to its own deposit address (derived from the merchant's seed), watched
 * by a workflow until it expires. Its fiat amount columns stay 0 (a token amount is no ISO minor unit and
 * passes int8): the exact amounts are strings in payment_method_details.crypto and numeric(78,0) in
 * crypto_deposits. The payment, its deposit row, the audit row, the events and the idempotent answer
 * commit in one statement.
 */
export async function createCryptoPayment({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PaymentObject> {
  requirePermission(ctx, "payments:write");
  const request = parseCryptoPayment(input);
  const chain = await cryptoChain();
  const chainId = chain.clients.chain.id;
  const tokenAddress = tokenContract(chain, request.token);
  if (tokenAddress === undefined) {
    throw new KassaError("payment_method_unsupported", `${TOKENS[request.token].symbol} is not configured on chain ${chainId}.`, { param: "currency" });
  }
  if (request.escrow && (!escrowContract(chain) || !arbiterAccount(chain))) {
    throw new KassaError(
      "payment_method_unsupported",
      `Escrow on chain ${chainId} needs an escrow contract (EVM_ESCROW_ADDRESS) and an arbiter key (CRYPTO_ARBITER_PRIVATE_KEY); this Kassa has not both.`,
      { param: "escrow" },
    );
  }
  const settings = cryptoSettings(chainId);
  const db = await executor(ctx);
  const [deposit, head] = await Promise.all([allocateDepositAddress(db, ctx), chain.clients.publicClient.getBlockNumber({ cacheTime: 0 })]);

  const id = newId("payment");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + settings.expiryMs);
  const details: CryptoDetails = {
    token: request.token,
    chain_id: chainId,
    address: deposit.address,
    amount: request.amount.toString(),
    amount_received: "0",
    amount_pending: "0",
    amount_remaining: request.amount.toString(),
    surplus: "0",
    status: "pending",
    confirmations_required: settings.confirmations,
    expires_at: Math.floor(expiresAt.getTime() / 1000),
    transfers: [],
    ...(request.escrow ? { escrow: request.escrow } : {}),
  };
  const payment: PaymentRow = {
    id,
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    amount: 0n,
    currency: request.token,
    status: "requires_action",
    captureMethod: "automatic",
    amountCapturable: 0n,
    amountReceived: 0n,
    amountRefunded: 0n,
    fee: 0n,
    paymentMethod: "crypto",
    card: null,
    upi: null,
    paypal: null,
    crypto: details,
    outcome: null,
    customer: null,
    description: request.description,
    receiptEmail: request.receiptEmail,
    metadata: request.metadata,
    connector: CHAIN_CONNECTOR,
    processorId: null,
    latestAttemptId: null,
    attemptCount: 0,
    lastPaymentError: null,
    nextAction: await cryptoNextAction(details, tokenAddress),
    returnUrl: null,
    cancellationReason: null,
    canceledAt: null,
    capturedAt: null,
    authorizationExpiresAt: null,
    captureAt: null,
    pendingOperation: null,
    escrow: null,
    escrowReleaseAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const object = serializePayment(payment);
  await commitWrites(ctx, db, (d, changes) => {
    changes.audit({
      action: "payment.created",
      targetType: "payment",
      targetId: id,
      metadata: { amount: details.amount, currency: request.token, address: deposit.address, derivation_index: deposit.index },
    });
    changes.event("payment.created", object);
    declareCryptoPaymentStarted(changes, {
      merchant: ctx.merchantId,
      livemode: ctx.livemode ? "true" : "false",
      payment: id,
      startedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    // The answer in the same statement: a replay of the Idempotency-Key returns this address, even after a crash.
    changes.respond(200, object);
    return [
      d.insert(payments).values(payment),
      d.insert(cryptoDeposits).values({
        id,
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        token: request.token,
        chainId,
        tokenAddress,
        address: deposit.address,
        derivationIndex: deposit.index,
        seedKeyId: deposit.keyId,
        amount: request.amount,
        fromBlock: head,
        confirmationsRequired: settings.confirmations,
        status: "pending",
        expiresAt,
        escrow: request.escrow,
        createdAt: now,
        updatedAt: now,
      }),
    ];
  });
  return object;
}
