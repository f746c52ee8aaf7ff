import { and, count, eq, inArray, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { balanceTransactions, journalEntries, journalLines } from "@/db/schema";
import { OVERDRAFT_ENTRY_TYPES } from "./postings";

export interface LedgerScope {
  merchantId?: string;
  livemode?: boolean;
}

export interface LedgerCheck {
  ok: boolean;
  problems: string[];
}

const total = (column: PgColumn) => sql<string>`sum(${column})::text`;

function scoped(table: { merchantId: PgColumn; livemode: PgColumn }, scope: LedgerScope): SQL | undefined {
  return and(
    scope.merchantId === undefined ? undefined : eq(table.merchantId, scope.merchantId),
    scope.livemode === undefined ? undefined : eq(table.livemode, scope.livemode),
  );
}

/**
 * Verifies the ledger's invariants (whole ledger, or one merchant and/or mode):
 * 1. every entry has at least two lines and sums to zero per currency;
 * 2. the ledger as a whole sums to zero per currency (debits = credits);
 * 3. every line carries its entry's merchant and mode;
 * 4. no merchant balance (pending + available, per mode and currency) is negative — except by
 *    entries of OVERDRAFT_ENTRY_TYPES (disputes may overdraw, as at Stripe; the balance is then
 *    recovered from later charges). Checked as: the balance without those entries' lines ≥ 0;
 * 5. the balance transactions explain the balance: the nets of pending ones sum to the pending
 *    balance and those of available ones to the available balance.
 * Reads only; meant for tests, a reconciliation job and an operator's health check.
 */
export async function checkLedgerInvariants(db: Executor, scope: LedgerScope = {}): Promise<LedgerCheck> {
  const problems: string[] = [];
  const l = journalLines;
  const e = journalEntries;

  const unbalanced = await db
    .select({ entryId: l.entryId, currency: l.currency, total: total(l.amount) })
    .from(l)
    .where(scoped(l, scope))
    .groupBy(l.entryId, l.currency)
    .having(sql`sum(${l.amount}) <> 0`);
  for (const r of unbalanced) problems.push(`entry ${r.entryId} does not balance: ${r.currency} lines sum to ${r.total}`);

  const thin = await db
    .select({ entryId: e.id, lines: count(l.entryId) })
    .from(e)
    .leftJoin(l, eq(l.entryId, e.id))
    .where(scoped(e, scope))
    .groupBy(e.id)
    .having(sql`count(${l.entryId}) < 2`);
  for (const r of thin) problems.push(`entry ${r.entryId} has ${r.lines} line(s); an entry needs at least two`);

  const ledger = await db
    .select({ currency: l.currency, total: total(l.amount) })
    .from(l)
    .where(scoped(l, scope))
    .groupBy(l.currency)
    .having(sql`sum(${l.amount}) <> 0`);
  for (const r of ledger) problems.push(`ledger does not balance: ${r.currency} debits minus credits = ${r.total}`);

  const strays = await db
    .select({ entryId: l.entryId, position: l.position })
    .from(l)
    .innerJoin(e, eq(e.id, l.entryId))
    .where(and(scoped(l, scope), or(ne(l.merchantId, e.merchantId), ne(l.livemode, e.livemode))));
  for (const r of strays) problems.push(`line ${r.entryId}#${r.position} belongs to another merchant or mode than its entry`);

  const overdrawn = await db
    .select({ merchantId: l.merchantId, livemode: l.livemode, currency: l.currency, total: total(l.amount) })
    .from(l)
    .innerJoin(e, eq(e.id, l.entryId))
    .where(and(scoped(l, scope), inArray(l.account, ["merchant_pending", "merchant_available"]), notInArray(e.type, [...OVERDRAFT_ENTRY_TYPES])))
    .groupBy(l.merchantId, l.livemode, l.currency)
    // Merchant accounts are credit-normal: a positive sum is a negative balance.
    .having(sql`sum(${l.amount}) > 0`);
  for (const r of overdrawn) {
    problems.push(`merchant ${r.merchantId} (${r.livemode ? "live" : "test"}) has a negative ${r.currency} balance: ${-BigInt(r.total)}`);
  }

  problems.push(...(await unexplainedBalances(db, scope)));
  return { ok: problems.length === 0, problems };
}

/** Invariant 5: per merchant, mode and currency, balance transaction nets = account balances. */
async function unexplainedBalances(db: Executor, scope: LedgerScope): Promise<string[]> {
  const l = journalLines;
  const b = balanceTransactions;
  const [accounts, nets] = await Promise.all([
    db
      .select({ merchantId: l.merchantId, livemode: l.livemode, currency: l.currency, account: l.account, total: total(l.amount) })
      .from(l)
      .where(and(scoped(l, scope), inArray(l.account, ["merchant_pending", "merchant_available"])))
      .groupBy(l.merchantId, l.livemode, l.currency, l.account),
    db
      .select({ merchantId: b.merchantId, livemode: b.livemode, currency: b.currency, status: b.status, total: total(b.net) })
      .from(b)
      .where(scoped(b, scope))
      .groupBy(b.merchantId, b.livemode, b.currency, b.status),
  ]);
  const balances = new Map<string, { ledger: bigint; transactions: bigint }>();
  const at = (k: string) => balances.get(k) ?? balances.set(k, { ledger: 0n, transactions: 0n }).get(k)!;
  for (const r of accounts) {
    const status = r.account === "merchant_pending" ? "pending" : "available";
    at(`${r.merchantId}|${r.livemode}|${r.currency}|${status}`).ledger += -BigInt(r.total);
  }
  for (const r of nets) at(`${r.merchantId}|${r.livemode}|${r.currency}|${r.status}`).transactions += BigInt(r.total);
  const problems: string[] = [];
  for (const [k, v] of balances) {
    if (v.ledger === v.transactions) continue;
    const [merchantId, livemode, currency, status] = k.split("|");
    problems.push(
      `merchant ${merchantId} (${livemode === "true" ? "live" : "test"}) ${status} ${currency} balance ${v.ledger} ` +
        `differs from its ${status} balance transactions' net ${v.transactions}`,
    );
  }
  return problems;
}
