// Payouts on real PostgreSQL: bank accounts (validated, sealed, masked everywhere), payouts out of the
// available balance under concurrency, the bank's outcomes, cancel, reconciliation, roles, tenants and modes.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bankAccounts, payouts, sandboxBankTransfers } from "@/db/schema";
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { deleteBankAccount } from "@/lib/bank-accounts/delete-bank-account";
import { getBankAccount } from "@/lib/bank-accounts/get-bank-account";
import { listBankAccounts } from "@/lib/bank-accounts/list-bank-accounts";
import { updateBankAccount } from "@/lib/bank-accounts/update-bank-account";
import { checkLedgerInvariants } from "@/lib/ledger/check-ledger-invariants";
import { getBalance } from "@/lib/ledger/get-balance";
import { listBalanceTransactions } from "@/lib/ledger/list-balance-transactions";
import type { ServiceContext } from "@/lib/service/context";
import { paymentsTestBed } from "@/test/payments";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import { addMember, auditRows, eventRows } from "@/test/rows";
import { fundAvailable } from "@/test/payouts";
import { cancelPayout } from "./cancel-payout";
import { checkPayoutInvariants } from "./check-payout-invariants";
import { createPayout } from "./create-payout";
import { getPayout } from "./get-payout";
import { listPayouts } from "./list-payouts";
import { getPayoutSettings, updatePayoutSettings } from "./payout-settings";
import { createAutomaticPayout, runScheduledPayouts } from "./run-scheduled-payouts";
import { sendPayout } from "./send-payout";
import { settlePayout } from "./settle-payout";

const bed = paymentsTestBed("payouts");
const { env } = bed;
const DAY = 86_400_000;
const US_PAYS = { currency: "usd", country: "US", account_holder_name: "Jenny Rosen", account_number: "000123456789", routing_number: "110000000" };
const US_NO_ACCOUNT = { ...US_PAYS, account_number: "000111111116" };
const DE_PAYS = { currency: "eur", country: "DE", account_holder_name: "Jenny Rosen", iban: "DE89 3704 0044 0532 0130 00" };

async function merchant() {
  const { ctx } = await makeMerchant(env.h.db);
  return ctx;
}
const available = async (ctx: ServiceContext, currency = "usd") => (await getBalance({ ctx })).available.find((a) => a.currency === currency)?.amount ?? 0;
const books = async (ctx: ServiceContext) => {
  expect((await checkLedgerInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  expect((await checkPayoutInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
};

describe("bank accounts", () => {
  it("stores the number sealed and shows only last4, bank name and fingerprint — API, events, audit", async () => {
    const ctx = await merchant();
    const ba = await createBankAccount({ ctx, input: US_PAYS });
    expect(ba).toMatchObject({ object: "bank_account", last4: "6789", bank_name: "STRIPE TEST BANK", routing_number: "110000000", default_for_currency: true });
    expect(ba.fingerprint).toMatch(/^[\w-]{16}$/);
    const iban = await createBankAccount({ ctx, input: DE_PAYS });
    expect(iban).toMatchObject({ last4: "3000", currency: "eur", country: "DE", default_for_currency: true });
    const [row] = await env.h.db.select().from(bankAccounts).where(eq(bankAccounts.id, ba.id));
    expect(row!.numberCiphertext).not.toContain("123456789");
    const everything = JSON.stringify([
      await getBankAccount({ ctx, id: ba.id }),
      await listBankAccounts({ ctx, input: {}, url: "/v1/bank_accounts" }),
      await eventRows(env.h.db, ctx.merchantId),
      await auditRows(env.h.db, ctx.merchantId),
    ]);
    expect(everything).not.toContain("000123456789");
    expect(everything).not.toContain("0532013000");
    expect((await eventRows(env.h.db, ctx.merchantId, "account.external_account.created")).length).toBe(2);
    // Same account, same fingerprint.
    const again = await createBankAccount({ ctx, input: US_PAYS });
    expect(again.fingerprint).toBe(ba.fingerprint);
    expect(again.default_for_currency).toBe(false);
  });

  it("refuses bad numbers with exact codes and stores nothing", async () => {
    const ctx = await merchant();
    const bad = (input: object) => errorCodeOf(createBankAccount({ ctx, input }));
    expect(await bad({ ...DE_PAYS, iban: "DE89370400440532013001" })).toBe("iban_invalid"); // check digits
    expect(await bad({ ...DE_PAYS, iban: "DE8937040044053201300" })).toBe("iban_invalid"); // length
    expect(await bad({ ...DE_PAYS, country: "FR" })).toBe("iban_invalid"); // another country's IBAN
    expect(await bad({ ...US_PAYS, routing_number: "110000001" })).toBe("routing_number_invalid");
    expect(await bad({ ...US_PAYS, account_number: "12ab" })).toBe("account_number_invalid");
    expect(await bad({ ...US_PAYS, routing_number: undefined })).toBe("parameter_missing");
    expect(await bad({ ...US_PAYS, iban: DE_PAYS.iban })).toBe("parameter_invalid");
    expect(await bad({ ...US_PAYS, currency: "xyz" })).toBe("currency_unsupported");
    expect(await bad({ ...US_PAYS, status: "verified" })).toBe("parameter_unknown"); // mass assignment
    expect(await env.h.db.select().from(bankAccounts).where(eq(bankAccounts.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("one default per currency; the default goes only when it is the last; other tenants and modes see 404", async () => {
    const ctx = await merchant();
    const a = await createBankAccount({ ctx, input: US_PAYS });
    const b = await createBankAccount({ ctx, input: { ...US_PAYS, account_number: "000222222227" } });
    expect(await errorCodeOf(deleteBankAccount({ ctx, id: a.id }))).toBe("bank_account_is_default");
    expect((await updateBankAccount({ ctx, id: b.id, input: { default_for_currency: true } })).default_for_currency).toBe(true);
    expect((await getBankAccount({ ctx, id: a.id })).default_for_currency).toBe(false);
    expect(await deleteBankAccount({ ctx, id: a.id })).toEqual({ id: a.id, object: "bank_account", deleted: true });
    expect(await errorCodeOf(getBankAccount({ ctx, id: a.id }))).toBe("resource_missing");
    const other = await merchant();
    expect(await errorCodeOf(getBankAccount({ ctx: other, id: b.id }))).toBe("resource_missing");
    expect(await errorCodeOf(deleteBankAccount({ ctx: other, id: b.id }))).toBe("resource_missing");
    expect(await errorCodeOf(getBankAccount({ ctx: { ...ctx, livemode: true }, id: b.id }))).toBe("resource_missing");
    expect((await listBankAccounts({ ctx: { ...ctx, livemode: true }, input: {}, url: "/" })).data).toEqual([]);
  });
});

describe("payouts", () => {
  it("20 concurrent payout requests over 10 payouts' worth of available balance: exactly 10", async () => {
    const { ctx: owner } = await makeMerchant(env.h.db);
    await createBankAccount({ ctx: owner, input: US_PAYS });
    await fundAvailable(env.h.db, owner, 10_000n);
    // No db handle: each request opens its own transaction on the pool, as concurrent API requests do.
    const { db: _db, ...ctx } = owner;
    const results = await Promise.all(Array.from({ length: 20 }, () => errorCodeOf(createPayout({ ctx, input: { amount: 1000, currency: "usd" } }))));
    expect(results.filter((r) => r === "ok")).toHaveLength(10);
    expect(results.filter((r) => r === "balance_insufficient")).toHaveLength(10);
    expect(await available(owner)).toBe(0);
    expect((await getBalance({ ctx: owner })).in_transit).toEqual([{ amount: 10_000, currency: "usd" }]);
    expect(await env.h.db.select().from(payouts).where(eq(payouts.merchantId, owner.merchantId))).toHaveLength(10);
    await books(owner);
  });

  it("bad input with exact codes: over available, currency without bank account, another merchant's account, wrong currency's account", async () => {
    const ctx = await merchant();
    const other = await merchant();
    const theirs = await createBankAccount({ ctx: other, input: US_PAYS });
    const eur = await createBankAccount({ ctx, input: DE_PAYS });
    await fundAvailable(env.h.db, ctx, 5000n);
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 100, currency: "usd" } }))).toBe("no_external_account");
    await createBankAccount({ ctx, input: US_PAYS });
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 5001, currency: "usd" } }))).toBe("balance_insufficient");
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 100, currency: "usd", bank_account: theirs.id } }))).toBe("resource_missing");
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 100, currency: "usd", bank_account: eur.id } }))).toBe("parameter_invalid");
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 100, currency: "eur" } }))).toBe("balance_insufficient");
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 0, currency: "usd" } }))).toBe("parameter_invalid_integer");
    expect(await errorCodeOf(createPayout({ ctx, input: { amount: 100, currency: "usd", status: "paid" } }))).toBe("parameter_unknown");
    expect(await errorCodeOf(createPayout({ ctx: { ...ctx, livemode: true }, input: { amount: 100, currency: "usd" } }))).toBe("no_external_account");
    expect(await env.h.db.select().from(payouts).where(eq(payouts.merchantId, ctx.merchantId))).toEqual([]);
    expect(await available(ctx)).toBe(5000);
  });

  it("pending → in_transit → paid: one transfer at the sandbox bank, payout.paid, in transit cleared", async () => {
    const ctx = await merchant();
    await createBankAccount({ ctx, input: US_PAYS });
    await fundAvailable(env.h.db, ctx, 3000n);
    const po = await createPayout({ ctx, input: { amount: 2500, currency: "usd", description: "December" } });
    expect(po).toMatchObject({ object: "payout", status: "pending", amount: 2500, automatic: false, reconciliation_status: "not_applicable" });
    expect(await available(ctx)).toBe(500);
    const key = { payoutId: po.id, merchantId: ctx.merchantId, livemode: false };
    const sent = await sendPayout(key);
    expect(sent.status).toBe("in_transit");
    expect(await sendPayout(key)).toEqual(sent); // again: nothing new
    expect(await errorCodeOf(cancelPayout({ ctx, id: po.id }))).toBe("payout_unexpected_state");
    expect((await settlePayout({ ...key, now: new Date() })).status).toBe("in_transit"); // not arrived yet
    expect((await settlePayout({ ...key, now: new Date(Date.now() + 2 * DAY) })).status).toBe("paid");
    expect((await settlePayout({ ...key, now: new Date(Date.now() + 3 * DAY) })).status).toBe("paid");
    expect(await env.h.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, po.id))).toHaveLength(1);
    expect((await getBalance({ ctx })).in_transit).toEqual([{ amount: 0, currency: "usd" }]);
    expect((await eventRows(env.h.db, ctx.merchantId, "payout.paid")).length).toBe(1);
    expect(await available(ctx)).toBe(500);
    await books(ctx);
  });

  it("a failed payout returns its funds: payout_failure balance transaction, payout.failed with Stripe's code, account errored", async () => {
    const ctx = await merchant();
    const ba = await createBankAccount({ ctx, input: US_NO_ACCOUNT });
    await fundAvailable(env.h.db, ctx, 4000n);
    const po = await createPayout({ ctx, input: { amount: 4000, currency: "usd" } });
    expect(await available(ctx)).toBe(0);
    const key = { payoutId: po.id, merchantId: ctx.merchantId, livemode: false };
    await sendPayout(key);
    const settled = await settlePayout({ ...key, now: new Date(Date.now() + 2 * DAY) });
    expect(settled.status).toBe("failed");
    const failed = await getPayout({ ctx, id: po.id });
    expect(failed).toMatchObject({ status: "failed", failure_code: "no_account" });
    expect(failed.failure_balance_transaction).toMatch(/^txn_/);
    expect(await available(ctx)).toBe(4000);
    const returned = await listBalanceTransactions({ ctx, input: { type: "payout_failure" } });
    expect(returned.data).toMatchObject([{ amount: 4000, net: 4000, status: "available", source: po.id }]);
    const [event] = await eventRows(env.h.db, ctx.merchantId, "payout.failed");
    expect(event!.data).toMatchObject({ object: { id: po.id, failure_code: "no_account", failure_message: expect.any(String) } });
    expect((await getBankAccount({ ctx, id: ba.id })).status).toBe("errored");
    await books(ctx);
  });

  it("cancel: a pending payout's amount returns (payout_cancel); twice → 400; another merchant's → 404", async () => {
    const ctx = await merchant();
    await createBankAccount({ ctx, input: US_PAYS });
    await fundAvailable(env.h.db, ctx, 1500n);
    const po = await createPayout({ ctx, input: { amount: 1500, currency: "usd" } });
    const other = await merchant();
    expect(await errorCodeOf(cancelPayout({ ctx: other, id: po.id }))).toBe("resource_missing");
    expect(await errorCodeOf(getPayout({ ctx: other, id: po.id }))).toBe("resource_missing");
    expect(await errorCodeOf(getPayout({ ctx: { ...ctx, livemode: true }, id: po.id }))).toBe("resource_missing");
    expect((await listPayouts({ ctx: other, input: {}, url: "/" })).data).toEqual([]);
    expect(await cancelPayout({ ctx, id: po.id })).toMatchObject({ status: "canceled" });
    expect(await errorCodeOf(cancelPayout({ ctx, id: po.id }))).toBe("payout_unexpected_state");
    expect(await available(ctx)).toBe(1500);
    // A canceled payout is never sent.
    expect((await sendPayout({ payoutId: po.id, merchantId: ctx.merchantId, livemode: false })).status).toBe("canceled");
    expect(await env.h.db.select().from(sandboxBankTransfers).where(eq(sandboxBankTransfers.idempotencyKey, po.id))).toEqual([]);
    expect((await eventRows(env.h.db, ctx.merchantId, "payout.canceled")).length).toBe(1);
    await books(ctx);
  });

  it("roles: owner and admin pay out; developer and analyst read; support sees nothing", async () => {
    const { ctx: owner, merchantId } = await makeMerchant(env.h.db);
    await createBankAccount({ ctx: owner, input: US_PAYS });
    await fundAvailable(env.h.db, owner, 1000n);
    const admin = (await addMember(env.h.db, merchantId, "admin")).ctx;
    const po = await createPayout({ ctx: admin, input: { amount: 100, currency: "usd" } });
    for (const role of ["developer", "analyst"] as const) {
      const c = (await addMember(env.h.db, merchantId, role)).ctx;
      expect(await errorCodeOf(getPayout({ ctx: c, id: po.id }))).toBe("ok");
      expect(await errorCodeOf(listBankAccounts({ ctx: c, input: {}, url: "/" }))).toBe("ok");
      expect(await errorCodeOf(createPayout({ ctx: c, input: { amount: 100, currency: "usd" } }))).toBe("permission_denied");
      expect(await errorCodeOf(cancelPayout({ ctx: c, id: po.id }))).toBe("permission_denied");
      expect(await errorCodeOf(createBankAccount({ ctx: c, input: US_PAYS }))).toBe("permission_denied");
      expect(await errorCodeOf(updatePayoutSettings({ ctx: c, input: { interval: "daily" } }))).toBe("permission_denied");
    }
    const support = (await addMember(env.h.db, merchantId, "support")).ctx;
    expect(await errorCodeOf(getPayout({ ctx: support, id: po.id }))).toBe("permission_denied");
    expect(await errorCodeOf(listBankAccounts({ ctx: support, input: {}, url: "/" }))).toBe("permission_denied");
    // A restricted key: payouts read only.
    const rk = { ...owner, actor: { type: "api_key" as const, id: "key_rk" }, keyPermissions: { payouts: "read" as const } };
    expect(await errorCodeOf(getPayout({ ctx: rk, id: po.id }))).toBe("ok");
    expect(await errorCodeOf(createPayout({ ctx: rk, input: { amount: 100, currency: "usd" } }))).toBe("permission_denied");
  });
});

describe("automatic payouts and reconciliation", () => {
  it("the payout checker finds a payout whose ledger disagrees", async () => {
    const ctx = await merchant();
    await createBankAccount({ ctx, input: US_PAYS });
    await fundAvailable(env.h.db, ctx, 1000n);
    const po = await createPayout({ ctx, input: { amount: 400, currency: "usd" } });
    expect((await checkPayoutInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
    // A status moved without its ledger entry (what a bug would do): reported.
    await env.h.db.update(payouts).set({ status: "paid" }).where(eq(payouts.id, po.id));
    expect((await checkPayoutInvariants(env.h.db, { merchantId: ctx.merchantId })).problems).toEqual([
      `merchant ${ctx.merchantId} usd: payouts_in_transit 400 but payouts pending or in transit 0`,
      `merchant ${ctx.merchantId} usd: bank_clearing 0 but paid payouts -400`,
    ]);
    await env.h.db.update(payouts).set({ status: "pending" }).where(eq(payouts.id, po.id));
  });

  it("an automatic payout pays the whole available balance and settles every open balance transaction: they sum to its amount", async () => {
    const ctx = await merchant();
    const ba = await createBankAccount({ ctx, input: US_PAYS });
    const account = (await env.h.db.select().from(bankAccounts).where(eq(bankAccounts.id, ba.id)))[0]!;
    await fundAvailable(env.h.db, ctx, 1000n, 59n);
    await fundAvailable(env.h.db, ctx, 2500n, 103n);
    // A manual payout in between: its own −amount transaction is open, so the next automatic payout nets it.
    const manual = await createPayout({ ctx, input: { amount: 300, currency: "usd" } });
    const sys = { ...ctx, actor: { type: "system" as const, id: "test" } };
    const first = await createAutomaticPayout(sys, account, "2026-12-01");
    expect(first).toMatch(/^po_/);
    expect(await createAutomaticPayout(sys, account, "2026-12-01")).toBeNull(); // the slot is paid
    const p1 = await getPayout({ ctx, id: first! });
    expect(p1).toMatchObject({ automatic: true, reconciliation_status: "completed", amount: 1000 - 59 + 2500 - 103 - 300 });
    const settled1 = (await listBalanceTransactions({ ctx, input: { payout: first, limit: 100 } })).data;
    expect(settled1.map((t) => t.type).sort()).toEqual(["charge", "charge", "payout"]);
    expect(settled1.find((t) => t.type === "payout")!.source).toBe(manual.id);
    expect(settled1.reduce((s, t) => s + t.net, 0)).toBe(p1.amount);
    expect(await available(ctx)).toBe(0);

    // It fails at the bank; more money arrives; the next automatic payout settles the failure's return and the new charge.
    await sendPayout({ payoutId: first!, merchantId: ctx.merchantId, livemode: false });
    // The bank returns it (as a closed account would).
    await env.h.db.update(sandboxBankTransfers).set({ failureCode: "account_closed" }).where(eq(sandboxBankTransfers.idempotencyKey, first!));
    expect((await settlePayout({ payoutId: first!, merchantId: ctx.merchantId, livemode: false, now: new Date(Date.now() + 2 * DAY) })).status).toBe("failed");
    await fundAvailable(env.h.db, ctx, 700n);
    const second = await createAutomaticPayout(sys, account, "2026-12-02");
    const p2 = await getPayout({ ctx, id: second! });
    expect(p2.amount).toBe(p1.amount + 700);
    const settled2 = (await listBalanceTransactions({ ctx, input: { payout: second, limit: 100 } })).data;
    expect(settled2.map((t) => t.type).sort()).toEqual(["charge", "payout_failure"]);
    expect(settled2.reduce((s, t) => s + t.net, 0)).toBe(p2.amount);
    // Nothing open is left, and nothing was settled twice.
    expect(await createAutomaticPayout(sys, account, "2026-12-03")).toBeNull();
    await books(ctx);
  });

  it("the schedule: daily, weekly on its weekday, monthly on its day (or the month's last); manual never", async () => {
    const ctx = await merchant();
    await createBankAccount({ ctx, input: US_PAYS });
    expect(await getPayoutSettings({ ctx })).toMatchObject({ schedule: { interval: "manual" } });
    expect(await errorCodeOf(updatePayoutSettings({ ctx, input: { interval: "hourly" } }))).toBe("parameter_invalid");
    expect(await errorCodeOf(updatePayoutSettings({ ctx, input: { interval: "monthly", monthly_anchor: 32 } }))).toBe("parameter_invalid_integer");
    await fundAvailable(env.h.db, ctx, 1000n);
    expect((await runScheduledPayouts({ now: new Date("2026-12-04T06:00:00Z") })).created).toEqual([]);
    await updatePayoutSettings({ ctx, input: { interval: "weekly", weekly_anchor: "friday" } });
    // Only this file's merchant has a schedule, so every payout a run makes is this merchant's.
    const mine = async (now: string) => (await runScheduledPayouts({ now: new Date(now) })).created;
    expect(await mine("2026-12-03T06:00:00Z")).toEqual([]); // a Thursday
    const paid = await mine("2026-12-04T06:00:00Z"); // Friday
    expect(paid).toHaveLength(1);
    expect(await mine("2026-12-04T12:00:00Z")).toEqual([]); // the day's slot is paid
    expect(await available(ctx)).toBe(0);
    await updatePayoutSettings({ ctx, input: { interval: "monthly", monthly_anchor: 31 } });
    expect(await getPayoutSettings({ ctx })).toMatchObject({ schedule: { interval: "monthly", monthly_anchor: 31, weekly_anchor: null } });
    await fundAvailable(env.h.db, ctx, 200n);
    const before = (await listPayouts({ ctx, input: {}, url: "/" })).data.length;
    await runScheduledPayouts({ now: new Date("2027-04-29T06:00:00Z") });
    expect((await listPayouts({ ctx, input: {}, url: "/" })).data.length).toBe(before);
    await runScheduledPayouts({ now: new Date("2027-04-30T06:00:00Z") }); // April has no 31st
    expect((await listPayouts({ ctx, input: {}, url: "/" })).data.length).toBe(before + 1);
    expect((await auditRows(env.h.db, ctx.merchantId, "payout_settings.updated")).length).toBe(2);
    await books(ctx);
  });
});
