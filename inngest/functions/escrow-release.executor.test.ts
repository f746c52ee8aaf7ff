// Escrow's timelock on the real workflow path: the escrow-release-timer function served by the real serve()
// handler and run by the local executor on a fake clock, fed by the outbox relay's publisher. Released
// exactly at release_at (not a second before); a dispute inside the window blocks it; after the window a
// dispute is refused; the books balance (escrow account = held escrows) after every step.
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { events, journalEntries, payments } from "@/db/schema";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import { createPayment } from "@/lib/payments/create-payment";
import { getBalance } from "@/lib/ledger/get-balance";
import { openEscrowDispute } from "@/lib/escrow/open-escrow-dispute";
import { releaseEscrow } from "@/lib/escrow/release-escrow";
import type { ServiceContext } from "@/lib/service/context";
import { executorTestBed } from "@/test/executor-bed";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";

const bed = executorTestBed("escrowrun");
const { pump, advanceTo } = bed;
const DAY = 86_400_000;

const row = async (id: string) => (await bed.h.db.select().from(payments).where(eq(payments.id, id)))[0]!;
/** The books after a step: everything balances, and the merchant's escrowed / available amounts. */
async function books(ctx: ServiceContext) {
  expect((await checkMoneyInvariants(bed.h.db, { merchantId: ctx.merchantId })).problems).toEqual([]);
  const b = await getBalance({ ctx });
  return { available: b.available[0]!.amount, pending: b.pending[0]!.amount, escrowed: b.escrowed[0]!.amount };
}
const eventTypes = async (ctx: ServiceContext) =>
  (
    await bed.h.db
      .select({ type: events.type })
      .from(events)
      .where(and(eq(events.merchantId, ctx.merchantId)))
  )
    .map((e) => e.type)
    .filter((t) => t.startsWith("escrow."));
const releases = async (ctx: ServiceContext) =>
  (await bed.h.db.select().from(journalEntries).where(eq(journalEntries.merchantId, ctx.merchantId))).filter((e) => e.type === "escrow_release");

async function escrowed(escrow: Record<string, unknown>) {
  const ctx = await makeMerchantContext(bed.h.db);
  const p = await createPayment({ ctx, input: { amount: 5000, currency: "usd", payment_method: "pm_card_visa", confirm: true, escrow } });
  await pump(); // escrow.held reaches the timer, which sleeps until release_at
  const net = p.escrow!.net;
  return { ctx, p, net, releaseAt: p.escrow!.release_at! * 1000, windowEndsAt: p.escrow!.dispute_window_ends_at! * 1000 };
}

describe("the escrow timelock on the fake clock", () => {
  it("released exactly at release_at, not a second before, once", async () => {
    const { ctx, p, net, releaseAt } = await escrowed({ release_after_days: 7, dispute_window_days: 2 });
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: net });

    await advanceTo(releaseAt - 1000);
    expect((await row(p.id)).escrow!.status).toBe("held");
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: net });

    await advanceTo(releaseAt);
    expect((await row(p.id)).escrow).toMatchObject({ status: "released", releasedAt: new Date(releaseAt).toISOString() });
    expect(await books(ctx)).toEqual({ available: net, pending: 0, escrowed: 0 });
    expect(await eventTypes(ctx)).toEqual(["escrow.held", "escrow.released"]);

    // A day on (crons included), nothing moves twice; a release by hand is refused.
    await advanceTo(releaseAt + DAY);
    expect(await releases(ctx)).toHaveLength(1);
    expect(await code(releaseEscrow({ ctx, id: p.id }))).toBe("escrow_already_released");
    expect(await books(ctx)).toEqual({ available: net, pending: 0, escrowed: 0 });
  });

  it("a dispute inside the window blocks the release at the timelock and after it", async () => {
    const { ctx, p, net, releaseAt, windowEndsAt } = await escrowed({ release_after_days: 5, dispute_window_days: 2 });
    await advanceTo(windowEndsAt - 60_000); // a minute before the window closes
    await openEscrowDispute({ ctx, id: p.id, input: { reason: "not delivered" }, now: bed.clock.now() });
    await pump();
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: net });

    await advanceTo(releaseAt);
    await advanceTo(releaseAt + 3 * DAY);
    expect((await row(p.id)).escrow).toMatchObject({ status: "disputed", releasedAt: null });
    expect(await releases(ctx)).toHaveLength(0);
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: net });
    expect(await eventTypes(ctx)).toEqual(["escrow.held", "escrow.disputed"]);
  });

  it("after the window a dispute is refused and the timelock releases as planned", async () => {
    const { ctx, p, net, releaseAt, windowEndsAt } = await escrowed({ release_after_days: 3, dispute_window_days: 1 });
    await advanceTo(windowEndsAt);
    expect(await code(openEscrowDispute({ ctx, id: p.id, input: { reason: "too late" }, now: bed.clock.now() }))).toBe("escrow_dispute_window_closed");
    expect((await row(p.id)).escrow!.status).toBe("held");
    expect(await books(ctx)).toEqual({ available: 0, pending: 0, escrowed: net });
    await advanceTo(releaseAt);
    expect((await row(p.id)).escrow!.status).toBe("released");
    expect(await books(ctx)).toEqual({ available: net, pending: 0, escrowed: 0 });
  });

  it("released early by the merchant: the timer waking at release_at changes nothing", async () => {
    const { ctx, p, net, releaseAt } = await escrowed({ release_after_days: 10 });
    await releaseEscrow({ ctx, id: p.id });
    await pump();
    expect(await books(ctx)).toEqual({ available: net, pending: 0, escrowed: 0 });
    await advanceTo(releaseAt);
    expect(await releases(ctx)).toHaveLength(1);
    expect(await books(ctx)).toEqual({ available: net, pending: 0, escrowed: 0 });
    expect(await eventTypes(ctx)).toEqual(["escrow.held", "escrow.released"]);
  });
});
