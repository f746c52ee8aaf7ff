// The subscription page's read: its invoices and a timeline of renewals and dunning tries (each try with its
// card and outcome, each failure with the next try's time, what is scheduled next), from events and audit rows;
// another merchant's or mode's id is not found; who may read it.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServiceContext } from "@/lib/service/context";
import { collectInvoice } from "@/lib/invoices/collect-invoice";
import { giveCard, makeCustomer, makePrice } from "@/test/billing";
import { errorCodeOf as code } from "@/test/fixtures";
import { paymentsTestBed } from "@/test/payments";
import { createSubscription } from "./create-subscription";
import { getSubscriptionTimeline } from "./get-subscription-timeline";
import { renewSubscription } from "./renew-subscription";
import { updateSubscription } from "./update-subscription";

const bed = paymentsTestBed("sub_timeline");
afterEach(() => vi.useRealTimers());

describe("getSubscriptionTimeline", () => {
  it("tells the renewal, each failed try with its reason and next try, the recovery, and what comes next", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-02-01T00:00:00Z"));
    const ctx = await bed.merchant();
    const price = await makePrice(ctx, { amount: 4200, name: "Studio" });
    const { customer } = await makeCustomer(ctx);
    const sub = await createSubscription({ ctx, input: { customer, items: [{ price: price.id }] } });
    await giveCard(ctx, customer, "pm_card_chargeCustomerFail");
    const renewalAt = new Date("2027-03-01T00:00:00Z");
    vi.setSystemTime(renewalAt);
    const renewal = await renewSubscription({ ctx, subscriptionId: sub.id, periodEnd: renewalAt });
    expect((await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: renewalAt })).status).toBe("failed");

    const failing = await getSubscriptionTimeline({ ctx, id: sub.id });
    expect(failing.subscription).toMatchObject({ id: sub.id, status: "past_due" });
    expect(failing.invoices.map((i) => [i.number, i.status, i.attempt_count])).toEqual([
      ["KASSA-0002", "open", 1],
      ["KASSA-0001", "paid", 1],
    ]);
    const titles = failing.timeline.map((t) => `${t.kind}: ${t.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        // Made incomplete, then active once its first invoice is paid at once (as Stripe's events read).
        "status: Subscription created (incomplete)",
        "change: Created by API key",
        "try: Try 1 to collect invoice KASSA-0001 with visa · 4242",
        "invoice: Invoice KASSA-0001 paid",
        "status: Status: incomplete → active",
        "renewal: Invoice KASSA-0002 for $42.00 (renewal)",
        "renewal: New period from 2027-03-01 00:00 UTC to 2027-04-01 00:00 UTC",
        "try: Try 1 to collect invoice KASSA-0002 with visa · 0341",
        "try: Try 1 of invoice KASSA-0002 failed",
        "status: Status: active → past due",
        "scheduled: Next try of invoice KASSA-0002 (try 2)",
        "scheduled: Next renewal",
      ]),
    );
    const failed = failing.timeline.find((t) => t.title === "Try 1 of invoice KASSA-0002 failed")!;
    expect(failed.detail).toMatch(/; next try 2027-03-02 00:00 UTC$/);
    const next = failing.timeline.find((t) => t.kind === "scheduled" && t.title.startsWith("Next try"))!;
    expect(next.at).toBe(Date.parse("2027-03-02T00:00:00Z"));
    // Ordered by time, the schedule last.
    expect(failing.timeline.map((t) => t.at)).toEqual([...failing.timeline.map((t) => t.at)].sort((a, b) => a - b));
    expect(failing.timeline.at(-1)).toMatchObject({ kind: "scheduled", title: "Next renewal", at: Date.parse("2027-04-01T00:00:00Z") });

    // A new card pays the second try; cancel at period end replaces the next renewal with the end.
    vi.setSystemTime(new Date("2027-03-02T00:00:00Z"));
    await giveCard(ctx, customer, "pm_card_visa");
    expect((await collectInvoice({ ctx, invoiceId: renewal.invoice!, now: new Date("2027-03-02T00:00:00Z") })).status).toBe("paid");
    await updateSubscription({ ctx, id: sub.id, input: { cancel_at_period_end: true } });
    const after = await getSubscriptionTimeline({ ctx, id: sub.id });
    const later = after.timeline.map((t) => `${t.kind}: ${t.title}`);
    expect(later).toEqual(
      expect.arrayContaining([
        "try: Try 2 to collect invoice KASSA-0002 with visa · 4242",
        "invoice: Invoice KASSA-0002 paid",
        "status: Status: past due → active",
        "change: Set to cancel at period end",
        "change: Changed by API key",
        "scheduled: Cancels at the end of the period",
      ]),
    );
    expect(later.filter((t) => t.startsWith("scheduled: Next try"))).toEqual([]);
  });

  it("another merchant's or the other mode's subscription is not found; every role reads it; a restricted key needs subscriptions and invoices", async () => {
    const ctx = await bed.merchant();
    const other = await bed.merchant();
    const { customer } = await makeCustomer(other);
    const theirs = await createSubscription({ ctx: other, input: { customer, items: [{ price: (await makePrice(other)).id }] } });
    expect(await code(getSubscriptionTimeline({ ctx, id: theirs.id }))).toBe("resource_missing");
    expect(await code(getSubscriptionTimeline({ ctx: { ...other, livemode: true }, id: theirs.id }))).toBe("resource_missing");
    expect(await code(getSubscriptionTimeline({ ctx, id: "not_an_id" }))).toBe("resource_missing");
    for (const role of ["owner", "admin", "developer", "analyst", "support"] as const) {
      const member: ServiceContext = { ...other, actor: { type: "user", id: "usr_x" }, role };
      expect((await getSubscriptionTimeline({ ctx: member, id: theirs.id })).invoices, role).toHaveLength(1);
    }
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...other, actor: { type: "api_key", id: "key_x" }, keyPermissions: grants });
    expect(await code(getSubscriptionTimeline({ ctx: key({ subscriptions: "read" }), id: theirs.id }))).toBe("permission_denied");
    expect(await code(getSubscriptionTimeline({ ctx: key({ invoices: "read" }), id: theirs.id }))).toBe("permission_denied");
    expect(await code(getSubscriptionTimeline({ ctx: key({ subscriptions: "read", invoices: "read" }), id: theirs.id }))).toBe("ok");
  });
});
