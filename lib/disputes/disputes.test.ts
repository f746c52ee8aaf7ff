// Disputes on the sandbox at service level: opened on a pm_card_createDispute payment, ledger debit with
// the fee, evidence, won → the amount back; tenant and role checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { journalEntries, journalLines } from "@/db/schema";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { getBalance } from "@/lib/ledger/get-balance";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { closeDispute } from "./close-dispute";
import { closeSandboxDispute } from "./close-sandbox-dispute";
import { disputeFee } from "./fees";
import { getDispute } from "./get-dispute";
import { listDisputes } from "./list-disputes";
import { openSandboxDispute } from "./open-sandbox-dispute";
import { submitDisputeEvidence } from "./submit-evidence";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("disp");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db);

const pendingOf = async (ctx: ServiceContext) => Number((await getBalance({ ctx })).pending[0]!.amount);

describe("disputes (sandbox)", () => {
  it("opened once on a captured pm_card_createDispute payment: amount + fee withdrawn; won: the amount returns", async () => {
    const ctx = await merchant();
    const sys = { ...ctx, actor: systemActor("test") };
    const p = await createPayment({ ctx, input: { amount: 20_000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
    const before = await pendingOf(ctx);
    const opened = (await openSandboxDispute({ ctx: sys, paymentId: p.id }))!;
    expect(opened).toMatchObject({ status: "needs_response", amount: 20_000n, fee: 1500n, reason: "fraudulent", connector: "sandbox" });
    expect((await openSandboxDispute({ ctx: sys, paymentId: p.id }))!.id).toBe(opened.id);
    expect(await pendingOf(ctx)).toBe(before - 20_000 - 1500);
    const lines = await h.db
      .select({ account: journalLines.account, amount: journalLines.amount })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(eq(journalEntries.key, `dispute:${opened.id}`));
    expect(lines).toEqual(
      expect.arrayContaining([
        { account: "merchant_pending", amount: 21_500n },
        { account: "disputes", amount: -20_000n },
        { account: "fees", amount: -1500n },
      ]),
    );

    const answered = await submitDisputeEvidence({
      ctx,
      id: opened.id,
      input: { evidence: { product_description: "Concert ticket", uncategorized_text: "Scanned at the door." } },
    });
    expect(answered).toMatchObject({ status: "under_review", evidence_details: { has_evidence: true, submission_count: 1 } });
    const won = await closeSandboxDispute({ ctx, id: opened.id, input: { outcome: "won" } });
    expect(won.status).toBe("won");
    expect(await pendingOf(ctx)).toBe(before - 1500);
    // Closing again changes nothing (no second credit).
    expect((await closeDispute({ ctx: sys, id: opened.id, outcome: "lost" })).status).toBe("won");
    expect(await pendingOf(ctx)).toBe(before - 1500);
    // A late call to open it (the sandbox-dispute workflow after a seed or a test closed it) returns the
    // closed dispute: one dispute per payment, never a second withdrawal.
    expect((await openSandboxDispute({ ctx: sys, paymentId: p.id }))!).toMatchObject({ id: opened.id, status: "won" });
    expect((await listDisputes({ ctx, input: { payment: p.id }, url: "/v1/disputes" })).data).toHaveLength(1);
    expect(await pendingOf(ctx)).toBe(before - 1500);
    expect((await checkMoneyInvariants(h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);

    // The payment's page tells the dispute's story: its events and its ledger lines.
    const page = await getPaymentTimeline({ ctx, id: p.id });
    const events = page.timeline.filter((t) => t.kind === "event").map((t) => t.title);
    expect(events).toEqual(expect.arrayContaining(["dispute.created", "dispute.closed"]));
    expect(page.ledger.filter((l) => l.type === "dispute").map((l) => [l.account, l.amount])).toEqual(
      expect.arrayContaining([
        ["merchant_pending", 21_500],
        ["fees", -1500],
      ]),
    );
  });

  it("other cards are never disputed; a lost dispute keeps the money withdrawn", async () => {
    const ctx = await merchant();
    const sys = { ...ctx, actor: systemActor("test") };
    const visa = await createPayment({ ctx, input: { amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true } });
    expect(await openSandboxDispute({ ctx: sys, paymentId: visa.id })).toBeNull();
    const p = await createPayment({ ctx, input: { amount: 3000, currency: "eur", payment_method: "pm_card_createDispute", confirm: true } });
    const d = (await openSandboxDispute({ ctx: sys, paymentId: p.id }))!;
    await closeSandboxDispute({ ctx, id: d.id, input: { outcome: "lost" } });
    const entries = await h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId));
    expect(entries.map((e) => e.type).sort()).toEqual(["capture", "capture", "dispute"]);
    expect(disputeFee("jpy")).toBe(1500n);
    expect(disputeFee("kwd")).toBe(15_000n);
  });

  it("evidence after evidence_due_by is refused; lists page by cursor; other tenants and read-only roles are refused", async () => {
    const ctx = await merchant();
    const other = await merchant();
    const sys = { ...ctx, actor: systemActor("test") };
    const made = [];
    for (let i = 0; i < 3; i++) {
      const p = await createPayment({ ctx, input: { amount: 1000 + i, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
      made.push((await openSandboxDispute({ ctx: sys, paymentId: p.id }))!);
    }
    const late = made[0]!.evidenceDueBy.getTime() + 1;
    expect(await code(submitDisputeEvidence({ ctx, id: made[0]!.id, input: { evidence: { uncategorized_text: "late" } }, now: late }))).toBe(
      "dispute_evidence_past_due",
    );
    expect((await getDispute({ ctx, id: made[0]!.id })).status).toBe("needs_response");
    const page = await listDisputes({ ctx, input: { limit: 2 }, url: "/api/v1/disputes" });
    expect(page.data.map((d) => d.id)).toEqual([made[2]!.id, made[1]!.id]);
    expect(page.has_more).toBe(true);
    expect((await listDisputes({ ctx, input: { limit: 2, starting_after: made[1]!.id }, url: "/x" })).data.map((d) => d.id)).toEqual([made[0]!.id]);
    expect(await code(getDispute({ ctx: other, id: made[0]!.id }))).toBe("resource_missing");
    expect(await code(submitDisputeEvidence({ ctx: other, id: made[0]!.id, input: { evidence: { uncategorized_text: "x" } } }))).toBe("resource_missing");
    expect(await code(closeSandboxDispute({ ctx: other, id: made[0]!.id, input: { outcome: "won" } }))).toBe("resource_missing");
    expect((await listDisputes({ ctx: other, input: {}, url: "/x" })).data).toEqual([]);
    const analyst = { ...ctx, role: "analyst" as const };
    expect(await code(submitDisputeEvidence({ ctx: analyst, id: made[1]!.id, input: { evidence: { uncategorized_text: "x" } } }))).toBe("permission_denied");
    expect((await getDispute({ ctx: analyst, id: made[1]!.id })).id).toBe(made[1]!.id);
    expect(await code(closeSandboxDispute({ ctx: { ...ctx, livemode: true }, id: made[1]!.id, input: { outcome: "won" } }))).toBe("permission_denied");
  });
});
