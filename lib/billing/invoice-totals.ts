/**
 * An invoice's totals from its lines and the customer's balance, in minor units, as Stripe computes them.
 *
 * The customer balance follows Stripe's sign: negative is credit the merchant owes the customer (left by an
 * earlier credit proration or downgrade), positive is debt carried onto the next invoice. Kassa has no tax or
 * discounts yet, so total equals subtotal; the two stay separate fields so adding them later changes no caller.
 */

export interface InvoiceTotals {
  /** Sum of all lines, prorations included; may be negative. */
  subtotal: bigint;
  total: bigint;
  /** The customer's balance before this invoice. */
  startingBalance: bigint;
  /** What is charged: never negative, since a negative invoice is not a refund. */
  amountDue: bigint;
  /** The customer's balance after this invoice is finalised: whatever of total + balance was not charged. */
  endingBalance: bigint;
}

export function invoiceTotals(lines: ReadonlyArray<{ amount: bigint }>, startingBalance = 0n): InvoiceTotals {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0n);
  const total = subtotal;
  const owed = total + startingBalance;
  const amountDue = owed > 0n ? owed : 0n;
  return { subtotal, total, startingBalance, amountDue, endingBalance: owed - amountDue };
}

/**
 * The totals an invoice is finalised with: as invoiceTotals, except that an amount due below the currency's
 * smallest charge is not charged but carried to the customer's balance, as at Stripe.
 */
export function finalInvoiceTotals(lines: ReadonlyArray<{ amount: bigint }>, startingBalance: bigint, minimumCharge: bigint): InvoiceTotals {
  const computed = invoiceTotals(lines, startingBalance);
  const belowMinimum = computed.amountDue > 0n && computed.amountDue < minimumCharge;
  return belowMinimum ? { ...computed, amountDue: 0n, endingBalance: computed.amountDue } : computed;
}
