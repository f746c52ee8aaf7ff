// A confirmation's phase B on a real PostgreSQL: the request that wrote phase A applies the processor's answer
// in one guarded statement (no lock, no read); if anything touched the payment in between, nothing of that
// statement is written and the locked path decides — one charge, one ledger entry, one event either way.
import { afterEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, events, idempotencyKeys, journalEntries, paymentAttempts, payments } from "@/db/schema";
import { setFailpointHandler } from "@/lib/failpoints";
import { phaseBCounter } from "@/lib/metrics";
import { beginIdempotentRequest } from "@/lib/service/idempotency";
import { systemActor } from "@/lib/service/context";
import { checksTheBooks, later, paymentsTestBed } from "@/test/payments";
import { createPayment } from "./create-payment";
import { settlePayment } from "./settle-payment";

const { env, charges, merchant } = paymentsTestBed("pay_phase_b");

async function paths(): Promise<Record<string, number>> {
  const { values } = await phaseBCounter().get();
  return Object.fromEntries(values.map((v) => [String(v.labels.path), v.value]));
}
async function delta(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await paths();
  await run();
  const after = await paths();
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}
async function booked(paymentId: string) {
  const db = env.h.db;
  return {
    entries: await db.select().from(journalEntries).where(eq(journalEntries.sourceId, paymentId)),
    succeeded: await db
      .select()
      .from(events)
      .where(and(eq(events.type, "payment.succeeded"), sql`${events.data}->'object'->>'id' = ${paymentId}`)),
    audits: await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, paymentId), eq(auditLog.action, "payment.succeeded"))),
    charges: await charges(paymentId),
  };
}

afterEach(() => setFailpointHandler(null));

describe("phase B without a lock", () => {
  it("a create+confirm books its answer in the guarded statement: succeeded, one capture entry, one event, the stored answer", async () => {
    const ctx = await merchant();
    const scope = { merchantId: ctx.merchantId, livemode: false, key: "phase-b-1", method: "POST", path: "/api/v1/payments", requestHash: "h" };
    const begun = await beginIdempotentRequest(env.h.db, scope);
    if (begun.kind !== "started") throw new Error("expected a fresh key");
    const lock = { id: begun.record.id, lockVersion: begun.record.lockVersion, recovery: undefined, stored: false };
    let paid: Awaited<ReturnType<typeof createPayment>> | undefined;
    const used = await delta(async () => {
      paid = await createPayment({
        ctx: { ...ctx, idempotency: lock, idempotencyKey: "phase-b-1" },
        input: { amount: 4200, currency: "usd", payment_method: "pm_card_visa", confirm: true },
      });
    });
    expect(used).toMatchObject({ unlocked: 1 });
    expect(used.locked ?? 0).toBe(0);
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 4200 });
    const b = await booked(paid!.id);
    expect(b.entries).toHaveLength(1);
    expect(b.entries[0]).toMatchObject({ type: "capture", key: `capture:${paid!.id}` });
    expect(b.succeeded).toHaveLength(1);
    expect(b.audits).toHaveLength(1);
    expect(b.charges).toHaveLength(1);
    expect(lock.stored).toBe(true);
    const [key] = await env.h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.id, begun.record.id));
    expect(key!.responseStatus).toBe(200);
    expect(JSON.stringify(key!.responseBody)).toContain(paid!.id);
  });

  it("a decline is booked the same way: requires_payment_method with its error, nothing in the ledger", async () => {
    const ctx = await merchant();
    let code = "";
    const used = await delta(async () => {
      await createPayment({ ctx, input: { amount: 900, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true } }).catch(
        (e: { code: string }) => {
          code = e.code;
        },
      );
    });
    expect(code).toBe("card_declined");
    expect(used).toMatchObject({ unlocked: 1 });
    const [p] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    expect(p).toMatchObject({ status: "requires_payment_method" });
    expect((await booked(p!.id)).entries).toHaveLength(0);
  });

  it("the payment changed while the processor answered: nothing of the guarded statement is written, the locked path books it once", async () => {
    const ctx = await merchant();
    setFailpointHandler(async (name) => {
      if (name !== "payment.processor:after") return;
      // Someone else touches the payment between phase A and phase B (its updated_at moves).
      await env.h.db.execute(sql`update payments set updated_at = now() + interval '1 second' where merchant_id = ${ctx.merchantId}`);
    });
    let paid: Awaited<ReturnType<typeof createPayment>> | undefined;
    const used = await delta(async () => {
      paid = await createPayment({ ctx, input: { amount: 3100, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    });
    expect(used).toMatchObject({ fell_back: 1, locked: 1 });
    expect(used.unlocked ?? 0).toBe(0);
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 3100 });
    const b = await booked(paid!.id);
    expect([b.entries.length, b.succeeded.length, b.audits.length, b.charges.length]).toEqual([1, 1, 1, 1]);
  });

  it("reconciliation applied the same answer first: the request's guarded statement writes nothing, the locked path finds it settled", async () => {
    const ctx = await merchant();
    setFailpointHandler(async (name) => {
      if (name !== "payment.processor:after") return;
      setFailpointHandler(null);
      // The reconciliation job gets there first: it asks the processor about the attempt (same key) and books it.
      const [p] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
      expect(await settlePayment({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: p!.id, now: later() })).toEqual({ status: "succeeded", done: true });
    });
    let paid: Awaited<ReturnType<typeof createPayment>> | undefined;
    const used = await delta(async () => {
      paid = await createPayment({ ctx, input: { amount: 2700, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    });
    expect(used.fell_back).toBe(1);
    expect(used.unlocked ?? 0).toBe(0);
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 2700 });
    const b = await booked(paid!.id);
    expect([b.entries.length, b.succeeded.length, b.audits.length, b.charges.length]).toEqual([1, 1, 1, 1]);
    const attempts = await env.h.db.select().from(paymentAttempts).where(eq(paymentAttempts.paymentId, paid!.id));
    expect(attempts.map((a) => a.status)).toEqual(["succeeded"]);
  });

  it("an escrowed or UPI payment never takes it: the locked path books those", async () => {
    const ctx = await merchant();
    const used = await delta(async () => {
      await createPayment({
        ctx,
        input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow: { release_after_days: 3 } },
      });
    });
    expect(used.unlocked ?? 0).toBe(0);
    expect(used.locked).toBe(1);
  });
});

describe("books", () => checksTheBooks(env));
