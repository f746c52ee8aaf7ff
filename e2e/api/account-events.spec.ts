// The account and its events: previous_attributes, cursor pagination, tenants and modes
import { seedMerchant } from "../support/db";
import { expect, expectError, kassa, ok, test, type Merchant } from "../support/api";

let a: Merchant;
let b: Merchant;
test.beforeAll(async () => {
  a = await seedMerchant("a");
  b = await seedMerchant("b");
});

test("an update writes an account.updated event with previous_attributes", async () => {
  const m = await seedMerchant("events");
  const api = kassa(m.secretKey);
  const res = await api.POST("/api/v1/account", {
    headers: { "Idempotency-Key": "upd-1" },
    body: { support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" },
  });
  expect(res.response.status).toBe(200);
  expect(res.data).toMatchObject({ support_email: "help@shop.test", statement_descriptor: "SHOP EVENTS" });
  const list = await ok(await api.GET("/api/v1/events", { params: { query: { type: "account.updated" } } }));
  expect(list).toMatchObject({ object: "list", has_more: false, url: "/api/v1/events" });
  expect(list.data).toHaveLength(1);
  const event = list.data[0]!;
  expect(event).toMatchObject({
    object: "event",
    type: "account.updated",
    livemode: false,
    request: { idempotency_key: "upd-1" },
    data: { object: { id: m.merchantId, support_email: "help@shop.test" }, previous_attributes: { support_email: null, statement_descriptor: null } },
  });
  const one = await ok(await api.GET("/api/v1/events/{id}", { params: { path: { id: event.id } } }));
  expect(one.id).toBe(event.id);
});

test("cursor pagination walks every event once", async () => {
  const m = await seedMerchant("pages");
  const api = kassa(m.secretKey);
  for (let i = 0; i < 5; i++) {
    await ok(await api.POST("/api/v1/account", { body: { business_name: `Name ${i}` } }));
  }
  const seen: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await ok(await api.GET("/api/v1/events", { params: { query: { limit: 2, ...(cursor ? { starting_after: cursor } : {}) } } }));
    seen.push(...page.data.map((e) => e.id));
    if (!page.has_more) break;
    cursor = page.data[page.data.length - 1]!.id;
  }
  expect(seen).toHaveLength(5);
  expect([...seen].sort().reverse()).toEqual(seen);
  const back = await ok(await api.GET("/api/v1/events", { params: { query: { limit: 2, ending_before: seen[4] } } }));
  expect(back.data.map((e) => e.id)).toEqual([seen[2], seen[3]]);
});

test("merchant A cannot read merchant B's event → 404 resource_missing", async () => {
  await ok(await kassa(b.secretKey).POST("/api/v1/account", { body: { business_name: "B renamed" } }));
  const list = await ok(await kassa(b.secretKey).GET("/api/v1/events"));
  const bEvent = list.data[0]!.id;
  await expectError(await kassa(a.secretKey).GET("/api/v1/events/{id}", { params: { path: { id: bEvent } } }), 404, "resource_missing");
  const aList = await ok(await kassa(a.secretKey).GET("/api/v1/events", { params: { query: { limit: 100 } } }));
  expect(aList.data.map((e) => e.id)).not.toContain(bEvent);
});

test("live keys do not see test events", async () => {
  const m = await seedMerchant("modes");
  await ok(await kassa(m.secretKey).POST("/api/v1/account", { body: { business_name: "Test rename" } }));
  const live = await ok(await kassa(m.liveKey).GET("/api/v1/events"));
  expect(live.data).toEqual([]);
});
