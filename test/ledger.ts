import { expect } from "vitest";
import type { Executor } from "@/db/client";
import { checkLedgerInvariants, type LedgerScope } from "@/lib/ledger/check-ledger-invariants";

/** Asserts the ledger (or one merchant / mode of it) satisfies every invariant; shows the problems if not. */
export async function expectLedgerBalanced(db: Executor, scope: LedgerScope = {}): Promise<void> {
  const result = await checkLedgerInvariants(db, scope);
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
}
