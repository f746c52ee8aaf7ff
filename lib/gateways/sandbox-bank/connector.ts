import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sandboxBankTransfers, type SandboxBankTransferRow } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { BankTransfer, PayoutConnector } from "../payout-connector";
import { SANDBOX_BANK_OUTCOMES, SANDBOX_TRANSIT_MS } from "./test-accounts";

/** Who may call: tests count transfers through the same database. */
export const sandboxBankDeps = { db: () => getDb() };

function view(row: SandboxBankTransferRow, now: Date): BankTransfer {
  const arrived = now.getTime() >= row.arrivalDate.getTime();
  const outcome = row.failureCode ? Object.values(SANDBOX_BANK_OUTCOMES).find((o) => o?.failureCode === row.failureCode) : null;
  return {
    reference: row.id,
    status: !arrived ? "in_transit" : row.failureCode ? "failed" : "paid",
    arrivalDate: row.arrivalDate,
    failureCode: arrived ? row.failureCode : null,
    failureMessage: arrived && row.failureCode ? (outcome?.failureMessage ?? "The bank returned the payout.") : null,
  };
}

/**
 * The sandbox bank: a transfer per idempotency key in Postgres (sandbox_bank_transfers), in transit for a
 * day, then paid — or failed with the test account's code. Its state moves only with the caller's clock.
 */
export const sandboxBank: PayoutConnector = {
  name: "sandbox_bank",
  async send(ctx, input) {
    const db = await sandboxBankDeps.db();
    const outcome = SANDBOX_BANK_OUTCOMES[input.destination.number];
    await db
      .insert(sandboxBankTransfers)
      .values({
        id: newId("sandboxBankTransfer"),
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        idempotencyKey: input.idempotencyKey,
        amount: input.amount,
        currency: input.currency,
        last4: input.destination.last4,
        status: "in_transit",
        arrivalDate: new Date(input.now.getTime() + SANDBOX_TRANSIT_MS),
        failureCode: outcome?.failureCode ?? null,
      })
      .onConflictDoNothing();
    const found = await this.retrieve(ctx, { idempotencyKey: input.idempotencyKey, now: input.now });
    return found!;
  },
  async retrieve(ctx, input) {
    const db = await sandboxBankDeps.db();
    const [row] = await db
      .select()
      .from(sandboxBankTransfers)
      .where(
        and(
          eq(sandboxBankTransfers.merchantId, ctx.merchantId),
          eq(sandboxBankTransfers.livemode, ctx.livemode),
          eq(sandboxBankTransfers.idempotencyKey, input.idempotencyKey),
        ),
      );
    return row ? view(row, input.now) : null;
  },
};
