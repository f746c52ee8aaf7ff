import { sandboxBank } from "./sandbox-bank/connector";

/** The account a payout goes to, opened (unsealed) only for the connector call. */
export interface PayoutDestination {
  kind: "iban" | "account_number";
  /** The IBAN or account number in clear: never logged, never stored by Kassa outside its sealed column. */
  number: string;
  routingNumber: string | null;
  country: string;
  accountHolderName: string;
  last4: string;
}

export interface BankTransfer {
  /** The bank's reference for the transfer. */
  reference: string;
  status: "in_transit" | "paid" | "failed";
  arrivalDate: Date;
  failureCode: string | null;
  failureMessage: string | null;
}

/**
 * A bank rail that carries payouts. `send` is idempotent by `idempotencyKey` (the payout id): sent again
 * — a retried step, a recovered crash — it answers with the transfer it made the first time. `retrieve`
 * reads a transfer's state as of `now` (null: never sent). A real rail (SEPA, ACH through a bank's API)
 * implements the same two calls.
 */
export interface PayoutConnector {
  name: string;
  send(
    ctx: { merchantId: string; livemode: boolean },
    input: { idempotencyKey: string; amount: bigint; currency: string; destination: PayoutDestination; now: Date },
  ): Promise<BankTransfer>;
  retrieve(ctx: { merchantId: string; livemode: boolean }, input: { idempotencyKey: string; now: Date }): Promise<BankTransfer | null>;
}

const CONNECTORS: Record<string, PayoutConnector> = { [sandboxBank.name]: sandboxBank };

/** The rail new payouts use (only the sandbox bank exists so far, in test and live mode alike). */
export const defaultPayoutConnector = (): PayoutConnector => sandboxBank;

export function payoutConnectorOf(name: string): PayoutConnector {
  const c = CONNECTORS[name];
  if (!c) throw new Error(`No payout connector named ${name}`);
  return c;
}
