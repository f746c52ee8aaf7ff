// Kassa's fraud check on the money path, at service level on real PostgreSQL: every attempt scored before
// the processor sees it, Radar's outcome on the payment, blocks that charge nothing, reviews that only
// authorise, velocity from the windowed counters, and block lists.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { events, fraudAssessments, fraudCounters, fraudRules, fraudListItems, fraudLists, payments, reviews } from "@/db/schema";
import { createPayment } from "@/lib/payments/create-payment";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { createCustomer } from "@/lib/customers/create-customer";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";
import { newId } from "@/lib/ids";
import { errorCodeOf as code } from "@/test/fixtures";
import { checksTheBooks, paymentsTestBed } from "@/test/payments";
import { signalsFor } from "./signals";
import { assessPayment } from "./assess-payment";
import { keysOf } from "./compute-features";
import { attemptWrites, declineWrites } from "./counter-writes";
import { executeAsOne } from "@/db/batch";
import { BLOCK_AT } from "./thresholds";
import { reapFraudCounters } from "./reap-fraud-counters";

const bed = paymentsTestBed("fraud_check");
const { env } = bed;
const card = (pm: string, extra: Record<string, unknown> = {}) => ({ amount: 2500, currency: "usd", payment_method: pm, confirm: true, ...extra });
const row = async (id: string) => (await env.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;

describe("the fraud check of every attempt", () => {
  it("a plain payment is scored and authorized: outcome on the payment, one assessment row with its features and model version", async () => {
    const ctx = await bed.merchant();
    const p = await createPayment({ ctx, input: card("pm_card_visa", { receipt_email: "asha@example.test" }) });
    expect(p.status).toBe("succeeded");
    expect(p.outcome).toMatchObject({ type: "authorized", risk_level: "normal", rule: null });
    expect(p.outcome!.risk_score).toBeGreaterThanOrEqual(0);
    expect(p.outcome!.risk_score).toBeLessThan(65);
    const [a] = await env.h.db.select().from(fraudAssessments).where(eq(fraudAssessments.paymentId, p.id));
    expect(a).toMatchObject({ attemptId: p.latest_attempt, outcome: "authorized", riskScore: p.outcome!.risk_score });
    expect(a!.modelVersion).toMatch(/\S/);
    expect(a!.features).toMatchObject({ amount_in_usd: 2500, network_risk: 0, is_first_payment_for_card: 1 });
    expect(a!.signals).toMatchObject({ card_brand: "visa", card_country: "US", email_domain: "example.test" });
    // No email or IP in clear in the assessment.
    expect(JSON.stringify(a)).not.toContain("asha@example.test");
  });

  it("pm_card_riskLevelHighest is blocked by Kassa before any processor call: 402 card_declined/fraudulent, outcome blocked, nothing charged", async () => {
    const ctx = await bed.merchant();
    const err = await createPayment({ ctx, input: card("pm_card_riskLevelHighest") }).catch((e: unknown) => e as { code: string; declineCode?: string });
    expect(err).toMatchObject({ code: "card_declined", declineCode: "fraudulent" });
    const [p] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    expect(p).toMatchObject({ status: "requires_payment_method", outcome: { type: "blocked", risk_level: "highest", reason: "highest_risk_level" } });
    expect(p!.lastPaymentError).toMatchObject({ code: "card_declined", decline_code: "fraudulent" });
    expect(await bed.charges(p!.id)).toEqual([]);
    const failed = await env.h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "payment.payment_failed")));
    expect(failed).toHaveLength(1);
  });

  it("twenty small payments with one card within a minute: the later ones go to review or are blocked", async () => {
    const ctx = await bed.merchant();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await createPayment({ ctx, input: card("pm_card_mastercard", { amount: 100 + i }) }).catch(() => null);
      const [last] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId)).orderBy(payments.id);
      void last;
      outcomes.push(p?.outcome?.type ?? "blocked");
    }
    expect(outcomes.slice(0, 3)).toEqual(["authorized", "authorized", "authorized"]);
    expect(outcomes.slice(-5).every((o) => o === "manual_review" || o === "blocked")).toBe(true);
  });

  it("a reviewed payment is authorised, not captured, and its review opens (review.opened)", async () => {
    const ctx = await bed.merchant();
    let reviewed: string | null = null;
    for (let i = 0; i < 20 && !reviewed; i++) {
      const p = await createPayment({ ctx, input: card("pm_card_amex", { amount: 150 }) }).catch(() => null);
      if (p?.outcome?.type === "manual_review") reviewed = p.id;
    }
    expect(reviewed).not.toBeNull();
    expect(await row(reviewed!)).toMatchObject({ status: "requires_capture", captureMethod: "manual", amountReceived: 0n });
    const [review] = await env.h.db.select().from(reviews).where(eq(reviews.paymentId, reviewed!));
    expect(review).toMatchObject({ open: 1 });
    const opened = await env.h.db
      .select()
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId), eq(events.type, "review.opened")));
    expect(opened.length).toBeGreaterThanOrEqual(1);
  });

  it("a block-list entry for a card blocks that card's next payment (and only that card's), on confirm too", async () => {
    const ctx = await bed.merchant();
    const fp = signalsFor({ paymentMethod: "pm_card_visa_debit", email: null, customer: null, ip: null, vpa: null }).cardFingerprint!;
    const listId = newId("fraudList");
    await env.h.db.insert(fraudLists).values({
      id: listId,
      merchantId: ctx.merchantId,
      livemode: false,
      alias: "block_card_fingerprint",
      name: "Blocked cards",
      itemType: "card_fingerprint",
    });
    await env.h.db.insert(fraudListItems).values({ id: newId("fraudListItem"), merchantId: ctx.merchantId, livemode: false, listId, value: fp });
    expect(await code(createPayment({ ctx, input: card("pm_card_visa_debit") }))).toBe("card_declined");
    const [blocked] = await env.h.db.select().from(payments).where(eq(payments.merchantId, ctx.merchantId));
    expect(blocked!.outcome).toMatchObject({ type: "blocked", rule: "default_block_card_fingerprint", reason: "block_listed" });
    // Confirming the same payment with another card goes through.
    const ok = await confirmPayment({ ctx, id: blocked!.id, input: { payment_method: "pm_card_visa" } });
    expect(ok.status).toBe("succeeded");
    // Another merchant's list does nothing here.
    const other = await bed.merchant();
    expect((await createPayment({ ctx: other, input: card("pm_card_visa_debit") })).status).toBe("succeeded");
  });
});

describe("saved cards", () => {
  it("a saved card carries its fingerprint into the check: it counts with the typed card's velocity, and its block-list entry blocks it", async () => {
    const ctx = await bed.merchant();
    const cus = await createCustomer({ ctx, input: { email: "saver@example.test" } });
    const seti = await createSetupIntent({ ctx, input: { customer: cus.id, payment_method: "pm_card_visa_debit" } });
    const saved = seti.payment_method!;
    const typed = await createPayment({ ctx, input: card("pm_card_visa_debit") });
    const again = await createPayment({ ctx, input: card(saved, { customer: cus.id }) });
    expect(again.status).toBe("succeeded");
    const [a] = await env.h.db.select().from(fraudAssessments).where(eq(fraudAssessments.paymentId, again.id));
    const fp = signalsFor({ paymentMethod: "pm_card_visa_debit", email: null, customer: null, ip: null, vpa: null }).cardFingerprint!;
    expect(a!.signals).toMatchObject({ card_fingerprint: fp, card_brand: "visa" });
    // The typed payment (and the setup's none) counted before this one: the same card, seen once within the hour.
    expect(typed.status).toBe("succeeded");
    expect(a!.features).toMatchObject({ card_attempts_1h: 1, is_first_payment_for_card: 0 });

    const listId = newId("fraudList");
    await env.h.db.insert(fraudLists).values({
      id: listId,
      merchantId: ctx.merchantId,
      livemode: false,
      alias: "block_card_fingerprint",
      name: "Blocked cards",
      itemType: "card_fingerprint",
    });
    await env.h.db.insert(fraudListItems).values({ id: newId("fraudListItem"), merchantId: ctx.merchantId, livemode: false, listId, value: fp });
    expect(await code(createPayment({ ctx, input: card(saved, { customer: cus.id }) }))).toBe("card_declined");
  });
});

describe("a merchant's rules", () => {
  it("request_3ds: the processor is asked to challenge the card (the sandbox sends it to its 3DS page); a payment the rule does not match is not", async () => {
    const ctx = await bed.merchant();
    await env.h.db
      .insert(fraudRules)
      .values({ id: newId("fraudRule"), merchantId: ctx.merchantId, livemode: false, action: "request_3ds", source: "request_3ds if :amount: > 100" });
    const big = await createPayment({ ctx, input: card("pm_card_visa", { amount: 20_000, return_url: "https://shop.example/done" }) });
    expect(big.status).toBe("requires_action");
    expect(big.next_action).toMatchObject({ type: "redirect_to_url" });
    expect(big.outcome).toMatchObject({ type: "authorized", reason: "rule" });
    expect(big.outcome!.rule).toMatch(/^rule_/);
    const small = await createPayment({ ctx, input: card("pm_card_visa", { amount: 5_000, return_url: "https://shop.example/done" }) });
    expect(small).toMatchObject({ status: "succeeded", outcome: { type: "authorized", rule: null } });
  });

  it("block and review rules decide before the defaults; allow beats block", async () => {
    const ctx = await bed.merchant();
    const rule = (action: "block" | "review" | "allow", source: string) =>
      env.h.db.insert(fraudRules).values({ id: newId("fraudRule"), merchantId: ctx.merchantId, livemode: false, action, source });
    await rule("review", "review if :amount: > 300");
    await rule("block", "block if :card_brand: = 'amex'");
    const reviewed = await createPayment({ ctx, input: card("pm_card_visa", { amount: 40_000 }) });
    expect(reviewed).toMatchObject({ status: "requires_capture", capture_method: "manual", outcome: { type: "manual_review", reason: "rule" } });
    expect(await code(createPayment({ ctx, input: card("pm_card_amex") }))).toBe("card_declined");
    await rule("allow", "allow if :amount: < 1000");
    expect(await createPayment({ ctx, input: card("pm_card_amex", { amount: 900 }) })).toMatchObject({ status: "succeeded", outcome: { type: "authorized" } });
  });
});

describe("the model's default rules", () => {
  it("act in live mode (a high score is blocked); test mode shows the same score and lets the rules and test cards decide", async () => {
    const ctx = await bed.merchant();
    const signals = signalsFor({ paymentMethod: "pm_card_visa", email: "x@example.test", customer: null, ip: null, vpa: null });
    const now = Date.now();
    // A card with a burst of declines in the last hour, in both modes.
    for (const livemode of [true, false]) {
      const keys = keysOf(signals);
      const tenant = { merchantId: ctx.merchantId, livemode };
      for (let i = 0; i < 12; i++) {
        await executeAsOne(env.h.db, attemptWrites(env.h.db, tenant, keys, now - i * 1000));
        await executeAsOne(env.h.db, declineWrites(env.h.db, tenant, { ...keys, amountUsd: 2500 }, now - i * 1000));
      }
    }
    const assess = (livemode: boolean) =>
      assessPayment(
        env.h.db,
        { merchantId: ctx.merchantId, livemode },
        { paymentId: "pay_x", attemptId: "pa_x", amount: 2500n, currency: "usd", signals, now },
      );
    const live = await assess(true);
    const test = await assess(false);
    expect(live.row.riskScore).toBe(test.row.riskScore);
    expect(live.row.riskScore).toBeGreaterThanOrEqual(BLOCK_AT);
    expect(live).toMatchObject({ decision: "blocked", outcome: { type: "blocked", rule: "default_block_risk_score", risk_level: "highest" } });
    expect(test).toMatchObject({ decision: "authorized", outcome: { type: "authorized", rule: null, risk_level: "highest" } });
  });
});

describe("the counters' upkeep", () => {
  it("the daily reaper deletes buckets and links older than 25 hours and keeps the rest", async () => {
    const ctx = await bed.merchant();
    const tenant = { merchantId: ctx.merchantId, livemode: false };
    const keys = keysOf(signalsFor({ paymentMethod: "pm_card_visa", email: "old@example.test", customer: null, ip: null, vpa: null }));
    const now = Date.now();
    await executeAsOne(env.h.db, attemptWrites(env.h.db, tenant, keys, now - 26 * 3_600_000));
    await executeAsOne(env.h.db, attemptWrites(env.h.db, tenant, { ...keys, email: null }, now - 3_600_000));
    const reaped = await reapFraudCounters(env.h.db, now);
    expect(reaped.counters).toBeGreaterThanOrEqual(2); // the old card and email buckets
    expect(reaped.links).toBeGreaterThanOrEqual(2); // email↔card both ways
    const left = await env.h.db.select().from(fraudCounters).where(eq(fraudCounters.merchantId, ctx.merchantId));
    expect(left.map((c) => c.dimension)).toEqual(["card"]);
  });
});

checksTheBooks(env);
