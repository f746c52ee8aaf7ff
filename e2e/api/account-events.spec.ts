// The account and its events: previous_attributes, cursor pagination, tenants and modes
import { expect, test } from "@playwright/test";
import { seedMerchant } from "../support/db";
import { auth, expectError, type Merchant } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
  b = await seedMerchant("b");
});

test("an update writes an account.updated event with previous_attributes", async ({ request }) => {
  const m = await seedMerchant("events");
  const res = await request.post("/api/v1/account", {
    headers: { ...auth(m.secretKey), "Idempotency-Key": "upd-1" },
    data: { support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" },
  });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" });
  const list = await (await request.get("/api/v1/events?type=account.updated", { headers: auth(m.secretKey) })).json();
  expect(list).toMatchObject({ object: "list", has_more: false, url: "/api/v1/events" });
  expect(list.data).toHaveLength(1);
  const event = list.data[0];
  expect(event).toMatchObject({
    object: "event",
    type: "account.updated",
    livemode: false,
    request: { idempotency_key: "upd-1" },
    data: { object: { id: m.merchantId, support_email: "help@shop.test" }, previous_attributes: { support_email: null, statement_descriptor: null } },
  });
  const one = await request.get(`/api/v1/events/${event.id}`, { headers: auth(m.secretKey) });
  expect((await one.json()).id).toBe(event.id);
});

test("cursor pagination walks every event once", async ({ request }) => {
  const m = await seedMerchant("pages");
  for (let i = 0; i < 5; i++) {
    await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: `Name ${i}` } });
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const res = await request.get(`/api/v1/events?limit=2${cursor ? `&starting_after=${cursor}` : ""}`, { headers: auth(m.secretKey) });
    const page = await res.json();
    seen.push(...page.data.map((e: { id: string }) => e.id));
    if (!page.has_more) break;
    cursor = page.data[page.data.length - 1].id;
  }
  expect(seen).toHaveLength(5);
  expect([...seen].sort().reverse()).toEqual(seen);
  const back = await (await request.get(`/api/v1/events?limit=2&ending_before=${seen[4]}`, { headers: auth(m.secretKey) })).json();
  expect(back.data.map((e: { id: string }) => e.id)).toEqual([seen[2], seen[3]]);
});

test("merchant A cannot read merchant B's event → 404 resource_missing", async ({ request }) => {
  await request.post("/api/v1/account", { headers: auth(b.secretKey), data: { business_name: "B renamed" } });
  const list = await (await request.get("/api/v1/events", { headers: auth(b.secretKey) })).json();
  const bEvent = list.data[0].id;
  await expectError(await request.get(`/api/v1/events/${bEvent}`, { headers: auth(a.secretKey) }), 404, "resource_missing");
  const aList = await (await request.get("/api/v1/events?limit=100", { headers: auth(a.secretKey) })).json();
  expect(aList.data.map((e: { id: string }) => e.id)).not.toContain(bEvent);
});

test("live keys do not see test events", async ({ request }) => {
  const m = await seedMerchant("modes");
  await request.post("/api/v1/account", { headers: auth(m.secretKey), data: { business_name: "Test rename" } });
  const live = await (await request.get("/api/v1/events", { headers: auth(m.liveKey) })).json();
  expect(live.data).toEqual([]);
});
