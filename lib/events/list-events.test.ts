import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { newId } from "@/lib/ids";
import { freshPostgres } from "@/test/db";
import { commit } from "@/lib/service/commit";
import { emitEvent } from "@/test/events";
import { declareInternalEvent, INTERNAL_EVENTS } from "./internal-events";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";

let handle: Awaited<ReturnType<typeof freshPostgres>>;
let db: Database;

const URL = "/v1/events";

function ctxFor(merchantId: string, livemode = false): ServiceContext {
  return { merchantId, livemode, actor: { type: "user", id: newId("user") }, role: "analyst", db };
}

let ctx: ServiceContext;
/** Our merchant's test-mode events, oldest first. */
const ours: { id: string; type: string }[] = [];
let otherMerchantEvent: string;
let liveEvent: string;

const TYPES = [
  "account.updated",
  "payment_intent.created",
  "account.updated",
  "customer.created",
  "payment_intent.succeeded",
  "account.application.authorized",
  "accountant.created", // must not match `account.*`
];

beforeAll(async () => {
  handle = await freshPostgres("events");
  db = handle.db;
  ctx = ctxFor(newId("merchant"));
  const other = ctxFor(newId("merchant"));
  // Interleave the other merchant's and live-mode events with ours so cursors cross them.
  for (const [i, type] of TYPES.entries()) {
    ours.push({ id: await emitEvent(db, ctx, type, { i }), type });
    if (i === 2) otherMerchantEvent = await emitEvent(db, other, "account.updated", { other: true });
    if (i === 4) liveEvent = await emitEvent(db, { ...ctx, livemode: true }, "account.updated", { live: true });
  }
});
afterAll(async () => {
  await handle?.close();
});

const newestFirst = () => [...ours].reverse().map((e) => e.id);
const ids = (list: { data: { id: string }[] }) => list.data.map((e) => e.id);

describe("listEvents", () => {
  it("lists the merchant's events in its mode, newest first, with a default limit", async () => {
    const list = await listEvents({ ctx, input: {}, url: URL });
    expect(list).toMatchObject({ object: "list", url: URL, has_more: false });
    expect(ids(list)).toEqual(newestFirst());
    expect(list.data[0]).toMatchObject({ object: "event", type: ours.at(-1)!.type, livemode: false });
  });

  it("pages with limit and starting_after towards older events", async () => {
    const all = newestFirst();
    const page1 = await listEvents({ ctx, input: { limit: "3" }, url: URL });
    expect(ids(page1)).toEqual(all.slice(0, 3));
    expect(page1.has_more).toBe(true);

    const page2 = await listEvents({ ctx, input: { limit: "3", starting_after: all[2] }, url: URL });
    expect(ids(page2)).toEqual(all.slice(3, 6));
    expect(page2.has_more).toBe(true);

    const page3 = await listEvents({ ctx, input: { limit: "3", starting_after: all[5] }, url: URL });
    expect(ids(page3)).toEqual(all.slice(6));
    expect(page3.has_more).toBe(false);
  });

  it("pages with ending_before towards newer events, still newest first", async () => {
    const all = newestFirst();
    const oldest = all.at(-1)!;
    const back1 = await listEvents({ ctx, input: { limit: 2, ending_before: oldest }, url: URL });
    // The two events just newer than the oldest, in newest-first order.
    expect(ids(back1)).toEqual([all.at(-3), all.at(-2)]);
    expect(back1.has_more).toBe(true);

    const back2 = await listEvents({ ctx, input: { limit: 10, ending_before: all[2] }, url: URL });
    expect(ids(back2)).toEqual([all[0], all[1]]);
    expect(back2.has_more).toBe(false);

    const none = await listEvents({ ctx, input: { ending_before: all[0] }, url: URL });
    expect(none.data).toEqual([]);
    expect(none.has_more).toBe(false);
  });

  it("rejects starting_after together with ending_before", async () => {
    const [a, b] = newestFirst();
    await expect(listEvents({ ctx, input: { starting_after: b, ending_before: a }, url: URL })).rejects.toMatchObject({ code: "parameter_invalid" });
  });

  it.each([0, 101, 1000, "0", "-1", 2.5])("rejects limit %j with parameter_invalid_integer", async (limit) => {
    await expect(listEvents({ ctx, input: { limit }, url: URL })).rejects.toMatchObject({
      code: "parameter_invalid_integer",
      param: "limit",
    });
  });

  it("accepts the limit bounds 1 and 100", async () => {
    expect(ids(await listEvents({ ctx, input: { limit: 1 }, url: URL }))).toEqual(newestFirst().slice(0, 1));
    expect(ids(await listEvents({ ctx, input: { limit: "100" }, url: URL }))).toEqual(newestFirst());
  });

  it("rejects unknown parameters", async () => {
    await expect(listEvents({ ctx, input: { merchant: "mer_x" }, url: URL })).rejects.toMatchObject({
      code: "parameter_unknown",
      param: "merchant",
    });
  });

  it("filters by an exact type", async () => {
    const list = await listEvents({ ctx, input: { type: "account.updated" }, url: URL });
    expect(ids(list)).toEqual(newestFirst().filter((id) => ours.find((e) => e.id === id)!.type === "account.updated"));
    expect(list.data.every((e) => e.type === "account.updated")).toBe(true);
  });

  it("filters by a prefix wildcard such as account.*", async () => {
    const list = await listEvents({ ctx, input: { type: "account.*" }, url: URL });
    expect(list.data.map((e) => e.type)).toEqual(["account.application.authorized", "account.updated", "account.updated"]);

    const payments = await listEvents({ ctx, input: { type: "payment_intent.*", limit: 1 }, url: URL });
    expect(payments.data.map((e) => e.type)).toEqual(["payment_intent.succeeded"]);
    expect(payments.has_more).toBe(true);
  });

  it("treats _ in a wildcard filter literally, not as a LIKE wildcard", async () => {
    const lookalike = await emitEvent(db, ctx, "paymentXintent.created", {});
    try {
      const list = await listEvents({ ctx, input: { type: "payment_intent.*" }, url: URL });
      expect(list.data.map((e) => e.type)).toEqual(["payment_intent.succeeded", "payment_intent.created"]);
    } finally {
      await db.delete(events).where(eq(events.id, lookalike));
    }
  });

  it("rejects a malformed type filter", async () => {
    for (const type of ["account.%", "*", "Account.Updated", "account.*.x"]) {
      await expect(listEvents({ ctx, input: { type }, url: URL })).rejects.toMatchObject({
        code: "parameter_invalid",
        param: "type",
      });
    }
  });

  it("never lists another merchant's events, even through a cursor pointing at one", async () => {
    const list = await listEvents({ ctx, input: { limit: 100 }, url: URL });
    expect(ids(list)).not.toContain(otherMerchantEvent);
    const after = await listEvents({ ctx, input: { starting_after: otherMerchantEvent }, url: URL });
    expect(ids(after)).not.toContain(otherMerchantEvent);
    expect(after.data.length).toBeGreaterThan(0);

    const otherList = await listEvents({ ctx: ctxFor(newId("merchant")), input: {}, url: URL });
    expect(otherList.data).toEqual([]);
  });

  it("keeps test and live mode apart", async () => {
    const test = await listEvents({ ctx, input: { limit: 100 }, url: URL });
    expect(ids(test)).not.toContain(liveEvent);
    const live = await listEvents({ ctx: { ...ctx, livemode: true }, input: {}, url: URL });
    expect(ids(live)).toEqual([liveEvent]);
    expect(live.data[0]!.livemode).toBe(true);
  });
});

describe("getEvent", () => {
  it("returns the merchant's own event", async () => {
    const [first] = ours;
    const event = await getEvent({ ctx, id: first!.id });
    expect(event).toMatchObject({ id: first!.id, object: "event", type: first!.type, data: { object: { i: 0 } } });
  });

  it("answers resource_missing for another merchant's event", async () => {
    await expect(getEvent({ ctx, id: otherMerchantEvent })).rejects.toMatchObject({
      code: "resource_missing",
      param: "id",
    });
  });

  it("answers resource_missing for a live event asked for in test mode, and finds it in live mode", async () => {
    await expect(getEvent({ ctx, id: liveEvent })).rejects.toMatchObject({ code: "resource_missing" });
    await expect(getEvent({ ctx: { ...ctx, livemode: true }, id: liveEvent })).resolves.toMatchObject({
      id: liveEvent,
      livemode: true,
    });
  });

  it("answers resource_missing for an id that never existed", async () => {
    await expect(getEvent({ ctx, id: newId("event") })).rejects.toMatchObject({ code: "resource_missing" });
  });
});

describe("internal events (hand-offs to workflows through the outbox)", () => {
  it("are neither listed, filtered for nor fetched: they are no API events", async () => {
    const internal = await commit(ctx, async (_tx, changes) =>
      declareInternalEvent(changes, INTERNAL_EVENTS.webhookDeliveryRequested, { deliveryId: "whd_x", endpointId: "we_x" }),
    );
    try {
      const [row] = await db.select().from(events).where(eq(events.id, internal));
      expect(row).toMatchObject({ merchantId: ctx.merchantId, type: "webhooks/delivery.requested" });
      expect(ids(await listEvents({ ctx, input: { limit: 100 }, url: URL }))).toEqual(newestFirst());
      expect((await listEvents({ ctx, input: { type: "webhooks.*" }, url: URL })).data).toEqual([]);
      await expect(listEvents({ ctx, input: { type: "webhooks/delivery.requested" }, url: URL })).rejects.toMatchObject({
        code: "parameter_invalid",
        param: "type",
      });
      await expect(getEvent({ ctx, id: internal })).rejects.toMatchObject({ code: "resource_missing", param: "id" });
    } finally {
      await db.delete(events).where(eq(events.id, internal));
    }
  });
});
