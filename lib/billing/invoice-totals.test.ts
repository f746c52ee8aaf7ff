import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invoiceTotals } from "./invoice-totals";

const lines = (...amounts: bigint[]) => amounts.map((amount) => ({ amount }));

describe("invoiceTotals", () => {
  it("sums a renewal and its pending prorations (USD)", () => {
    // April renewal of pro 50.00 plus March's upgrade prorations −20.08 and +33.47: 5000 − 2008 + 3347 = 6339.
    expect(invoiceTotals(lines(5000n, -2008n, 3347n))).toEqual({ subtotal: 6339n, total: 6339n, startingBalance: 0n, amountDue: 6339n, endingBalance: 0n });
  });

  it("turns a negative total into customer credit and charges nothing (KWD)", () => {
    // −60328 + 50273 = −10055 fils.
    expect(invoiceTotals(lines(-60328n, 50273n))).toEqual({ subtotal: -10055n, total: -10055n, startingBalance: 0n, amountDue: 0n, endingBalance: -10055n });
  });

  it("applies a starting credit to the next invoice (KWD)", () => {
    // Next year's 99.999 KWD less the 10.055 credit: 99999 − 10055 = 89944 due, balance used up.
    expect(invoiceTotals(lines(99999n), -10055n)).toEqual({ subtotal: 99999n, total: 99999n, startingBalance: -10055n, amountDue: 89944n, endingBalance: 0n });
  });

  it("keeps what a credit larger than the invoice leaves over (JPY)", () => {
    // ¥5000 against ¥15000 of credit: nothing due, ¥10000 of credit left.
    expect(invoiceTotals(lines(5000n), -15000n)).toMatchObject({ amountDue: 0n, endingBalance: -10000n });
  });

  it("adds a debt carried from before, even onto a credit invoice", () => {
    // 7.00 owed, invoice −3.00: 700 − 300 = 400 due.
    expect(invoiceTotals(lines(-300n), 700n)).toMatchObject({ total: -300n, amountDue: 400n, endingBalance: 0n });
  });

  it("is all zeros for an empty (trial) invoice", () => {
    expect(invoiceTotals([])).toEqual({ subtotal: 0n, total: 0n, startingBalance: 0n, amountDue: 0n, endingBalance: 0n });
  });

  it("never asks for a negative amount and loses no money (property)", () => {
    const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), amount, (as, balance) => {
        const t = invoiceTotals(lines(...as), balance);
        expect(t.amountDue >= 0n).toBe(true);
        expect(t.endingBalance <= 0n).toBe(true);
        // Every minor unit is either charged now or stays on the balance.
        expect(t.amountDue + t.endingBalance).toBe(as.reduce((s, a) => s + a, 0n) + balance);
        // A credit is kept only when nothing is charged.
        expect(t.amountDue === 0n || t.endingBalance === 0n).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
