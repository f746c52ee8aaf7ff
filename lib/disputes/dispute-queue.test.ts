// The dashboard's dispute queue (by respond-by date, closed last, keyset pages) and a dispute's ledger view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { disputes } from "@/db/schema";
import { systemActor, type ServiceContext } from "@/lib/service/context";
import { createPayment } from "@/lib/payments/create-payment";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { closeSandboxDispute } from "./close-sandbox-dispute";
import { getDisputeView } from "./get-dispute-view";
import { listDisputesByDueDate } from "./list-disputes-by-due-date";
import { openSandboxDispute } from "./open-sandbox-dispute";
import { submitDisputeEvidence } from "./submit-evidence";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("dispq");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db);

async function dispute(ctx: ServiceContext, dueInHours: number) {
  const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_createDispute", confirm: true } });
  const d = (await openSandboxDispute({ ctx: { ...ctx, actor: systemActor("test") }, paymentId: p.id }))!;
  await h.db
    .update(disputes)
    .set({ evidenceDueBy: new Date(Date.now() + dueInHours * 3_600_000) })
    .where(eq(disputes.id, d.id));
  return d.id;
}

describe("dispute queue", () => {
  it("orders by evidence_due_by among those to answer, then under review, then closed; pages both ways", async () => {
    const ctx = await merchant();
    const later = await dispute(ctx, 100);
    const won = await dispute(ctx, -50);
    const soon = await dispute(ctx, 3);
    const reviewed = await dispute(ctx, 10);
    const overdue = await dispute(ctx, -2);
    await closeSandboxDispute({ ctx, id: won, input: { outcome: "won" } });
    await submitDisputeEvidence({ ctx, id: reviewed, input: { evidence: { uncategorized_text: "Signed for." } } });

    const all = await listDisputesByDueDate({ ctx, input: {}, url: "/disputes" });
    expect(all.data.map((d) => d.id)).toEqual([overdue, soon, later, reviewed, won]);
    const first = await listDisputesByDueDate({ ctx, input: { limit: 2 }, url: "/disputes" });
    expect(first.data.map((d) => d.id)).toEqual([overdue, soon]);
    expect(first.has_more).toBe(true);
    const second = await listDisputesByDueDate({ ctx, input: { limit: 2, starting_after: soon }, url: "/disputes" });
    expect(second.data.map((d) => d.id)).toEqual([later, reviewed]);
    const last = await listDisputesByDueDate({ ctx, input: { limit: 2, starting_after: reviewed }, url: "/disputes" });
    expect(last).toMatchObject({ has_more: false });
    expect(last.data.map((d) => d.id)).toEqual([won]);
    const back = await listDisputesByDueDate({ ctx, input: { limit: 2, ending_before: later }, url: "/disputes" });
    expect(back.data.map((d) => d.id)).toEqual([overdue, soon]);
    expect(back.has_more).toBe(false);
  });

  it("a dispute's view shows its ledger: amount + fee out, the amount back when won", async () => {
    const ctx = await merchant();
    const id = await dispute(ctx, 24);
    const opened = await getDisputeView({ ctx, id });
    expect(opened.ledger.filter((l) => l.type === "dispute").map((l) => [l.account, l.amount])).toEqual(
      expect.arrayContaining([
        ["merchant_pending", 6500],
        ["disputes", -5000],
        ["fees", -1500],
      ]),
    );
    await closeSandboxDispute({ ctx, id, input: { outcome: "won" } });
    const won = await getDisputeView({ ctx, id });
    expect(won.dispute.status).toBe("won");
    const back = won.ledger.filter((l) => l.type === "dispute_won");
    expect(back.reduce((s, l) => s + l.amount, 0)).toBe(0);
    expect(back.find((l) => l.account === "merchant_pending")!.amount).toBe(-5000);
  });

  it("other tenants see nothing; a foreign or unknown cursor is resource_missing; bad input refused", async () => {
    const a = await merchant();
    const b = await merchant();
    const id = await dispute(a, 24);
    expect((await listDisputesByDueDate({ ctx: b, input: {}, url: "/x" })).data).toEqual([]);
    expect(await code(getDisputeView({ ctx: b, id }))).toBe("resource_missing");
    expect(await code(getDisputeView({ ctx: { ...a, livemode: true }, id }))).toBe("resource_missing");
    expect(await code(listDisputesByDueDate({ ctx: b, input: { starting_after: id }, url: "/x" }))).toBe("resource_missing");
    expect(await code(listDisputesByDueDate({ ctx: a, input: { starting_after: id, ending_before: id }, url: "/x" }))).toBe("parameter_invalid");
    expect(await code(listDisputesByDueDate({ ctx: a, input: { limit: 0 }, url: "/x" }))).toBe("parameter_invalid_integer");
    expect(await code(getDisputeView({ ctx: { ...a, role: undefined }, id }))).toBe("permission_denied");
  });
});
