// Radar value lists and their items at service level on a real PostgreSQL: create, read, list, delete; the default
// block_/allow_ lists created on first use; values checked by item type and lowercased; duplicates 400
// resource_already_exists (Stripe's behaviour); a list an active rule reads cannot go; tenants, modes and roles.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, fraudListItems, fraudLists } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { createRule } from "./create-rule";
import { createValueList } from "./create-value-list";
import { createValueListItem } from "./create-value-list-item";
import { deleteValueList } from "./delete-value-list";
import { deleteValueListItem } from "./delete-value-list-item";
import { disableRule } from "./disable-rule";
import { getValueList } from "./get-value-list";
import { listValueListItems } from "./list-value-list-items";
import { listValueLists } from "./list-value-lists";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("radar_lists");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof KassaError ? { code: e.code, message: e.message, param: e.param } : e),
  );
const itemsOf = (ctx: ServiceContext) => h.db.select().from(fraudListItems).where(eq(fraudListItems.merchantId, ctx.merchantId)).orderBy(fraudListItems.id);

describe("value lists", () => {
  it("create, read with its newest items, list with cursors and by alias, delete with its items — each audited", async () => {
    const ctx = await merchant();
    const vip = await createValueList({ ctx, input: { alias: "vip_customers", name: " VIP customers ", item_type: "email" } });
    expect(vip).toEqual({
      id: expect.stringMatching(/^rsl_[0-9a-z]{26}$/),
      object: "radar.value_list",
      alias: "vip_customers",
      name: "VIP customers",
      item_type: "email",
      list_items: { object: "list", data: [], has_more: false, url: `/api/v1/radar/value_list_items?value_list=${vip.id}` },
      livemode: false,
      created: expect.any(Number),
    });
    const bins = await createValueList({ ctx, input: { alias: "risky_bins", name: "Risky BINs", item_type: "card_bin" } });
    const items = [];
    for (let i = 0; i < 12; i++) items.push(await createValueListItem({ ctx, input: { value_list: vip.id, value: `Buyer${i}@Example.com` } }));
    expect(items[0]).toEqual({
      id: expect.stringMatching(/^rsli_[0-9a-z]{26}$/),
      object: "radar.value_list_item",
      value: "buyer0@example.com",
      value_list: vip.id,
      livemode: false,
      created: expect.any(Number),
    });
    const read = await getValueList({ ctx, id: vip.id });
    expect(read.list_items.has_more).toBe(true);
    expect(read.list_items.data.map((i) => i.id)).toEqual(
      items
        .slice(2)
        .reverse()
        .map((i) => i.id),
    );

    const lists = await listValueLists({ ctx, input: { limit: "1" }, url: "/api/v1/radar/value_lists" });
    expect(lists).toMatchObject({ object: "list", has_more: true, url: "/api/v1/radar/value_lists" });
    expect(lists.data.map((l) => l.id)).toEqual([bins.id]);
    expect((await listValueLists({ ctx, input: { starting_after: bins.id }, url: "/x" })).data.map((l) => l.id)).toEqual([vip.id]);
    expect((await listValueLists({ ctx, input: { alias: "vip_customers" }, url: "/x" })).data.map((l) => l.id)).toEqual([vip.id]);

    // Items by list id or alias, with cursors and a value filter (lowercased like the values).
    const page = await listValueListItems({ ctx, input: { value_list: "vip_customers", limit: "5" }, url: "/api/v1/radar/value_list_items" });
    expect(page.has_more).toBe(true);
    expect(page.data.map((i) => i.value)).toEqual([
      "buyer11@example.com",
      "buyer10@example.com",
      "buyer9@example.com",
      "buyer8@example.com",
      "buyer7@example.com",
    ]);
    const found = await listValueListItems({ ctx, input: { value_list: vip.id, value: "BUYER3@example.com" }, url: "/x" });
    expect(found.data.map((i) => i.id)).toEqual([items[3]!.id]);

    expect(await deleteValueListItem({ ctx, id: items[3]!.id })).toEqual({ id: items[3]!.id, object: "radar.value_list_item", deleted: true });
    expect(await code(deleteValueListItem({ ctx, id: items[3]!.id }))).toBe("resource_missing");
    expect(await deleteValueList({ ctx, id: vip.id })).toEqual({ id: vip.id, object: "radar.value_list", deleted: true });
    expect(await code(getValueList({ ctx, id: vip.id }))).toBe("resource_missing");
    expect(await itemsOf(ctx)).toEqual([]);
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.merchantId, ctx.merchantId)).orderBy(auditLog.id);
    const actions = audits.map((a) => a.action).filter((a) => a.startsWith("radar_"));
    expect(actions.filter((a) => a === "radar_value_list.created")).toHaveLength(2);
    expect(actions.filter((a) => a === "radar_value_list_item.created")).toHaveLength(12);
    expect(actions.slice(-2)).toEqual(["radar_value_list_item.deleted", "radar_value_list.deleted"]);
  });

  it("bad input names its parameter with an exact code; an alias taken in this mode is 400 resource_already_exists", async () => {
    const ctx = await merchant();
    const ok = { alias: "blocked_ips", name: "Blocked IPs", item_type: "ip_address" };
    await createValueList({ ctx, input: ok });
    expect(await failure(createValueList({ ctx, input: { ...ok, name: "Again" } }))).toMatchObject({ code: "resource_already_exists", param: "alias" });
    expect(await failure(createValueList({ ctx, input: { ...ok, alias: "Blocked-IPs" } }))).toMatchObject({ code: "parameter_invalid", param: "alias" });
    expect(await failure(createValueList({ ctx, input: { ...ok, alias: "x".repeat(101) } }))).toMatchObject({ code: "parameter_invalid", param: "alias" });
    expect(await failure(createValueList({ ctx, input: { ...ok, alias: "ok2", item_type: "string" } }))).toMatchObject({
      code: "parameter_invalid",
      param: "item_type",
    });
    expect(await failure(createValueList({ ctx, input: { ...ok, alias: "ok2", name: "" } }))).toMatchObject({ code: "parameter_invalid", param: "name" });
    expect(await failure(createValueList({ ctx, input: { alias: "ok2", item_type: "email" } }))).toMatchObject({ code: "parameter_missing", param: "name" });
    expect(await failure(createValueList({ ctx, input: { ...ok, alias: "ok2", metadata: {} } }))).toMatchObject({
      code: "parameter_unknown",
      param: "metadata",
    });
    // A default alias keeps the item type the default rules read it with.
    expect(await failure(createValueList({ ctx, input: { alias: "block_email", name: "n", item_type: "ip_address" } }))).toMatchObject({
      code: "parameter_invalid",
      param: "item_type",
    });
    expect(await code(createValueList({ ctx, input: { alias: "block_email", name: "Blocked emails", item_type: "email" } }))).toBe("ok");
    // The same alias in live mode is another list.
    expect(await code(createValueList({ ctx: { ...ctx, livemode: true }, input: ok }))).toBe("ok");
    expect((await h.db.select().from(fraudLists).where(eq(fraudLists.merchantId, ctx.merchantId))).map((l) => `${l.alias} ${l.livemode}`).sort()).toEqual([
      "block_email false",
      "blocked_ips false",
      "blocked_ips true",
    ]);
  });
});

describe("value list items", () => {
  it("each item type checks its values (param value), stores them lowercased, and refuses a duplicate with 400 resource_already_exists", async () => {
    const ctx = await merchant();
    const cases: [type: string, good: string, stored: string, bad: string[]][] = [
      ["card_fingerprint", "Fp4242abcd", "fp4242abcd", ["short", "has space 123", "x".repeat(65)]],
      ["email", "Jenny@Example.COM", "jenny@example.com", ["jenny", "jenny@example", "a b@example.com"]],
      ["ip_address", "2001:DB8::1", "2001:db8::1", ["300.1.1.1", "1.2.3", "example.com"]],
      ["card_bin", "424242", "424242", ["42424", "424242424", "4242ab"]],
      ["customer", "cus_ABC123", "cus_abc123", ["abc123", "cus_", "pay_abc"]],
      ["country", "NG", "ng", ["NGA", "N", "1a"]],
    ];
    for (const [type, good, stored, bad] of cases) {
      const list = await createValueList({ ctx, input: { alias: `l_${type}`, name: type, item_type: type } });
      expect((await createValueListItem({ ctx, input: { value_list: list.id, value: good } })).value).toBe(stored);
      for (const value of bad) {
        expect([type, value, await failure(createValueListItem({ ctx, input: { value_list: list.id, value } }))]).toMatchObject([
          type,
          value,
          { code: "parameter_invalid", param: "value" },
        ]);
      }
      // The same value in any case is a duplicate.
      expect(await failure(createValueListItem({ ctx, input: { value_list: list.id, value: good.toUpperCase() } }))).toMatchObject({
        code: "resource_already_exists",
        param: "value",
      });
    }
    const vpas = await createValueList({ ctx, input: { alias: "l_vpa", name: "VPAs", item_type: "vpa" } });
    expect((await createValueListItem({ ctx, input: { value_list: vpas.id, value: "Asha@OKAXIS" } })).value).toBe("asha@okaxis");
    expect(await failure(createValueListItem({ ctx, input: { value_list: vpas.id, value: "asha" } }))).toMatchObject({ code: "vpa_invalid", param: "value" });
    expect(await failure(createValueListItem({ ctx, input: { value_list: vpas.id, value: "asha@okaxis" } }))).toMatchObject({
      code: "resource_already_exists",
    });
    expect(await failure(createValueListItem({ ctx, input: { value_list: vpas.id } }))).toMatchObject({ code: "parameter_missing", param: "value" });
    expect(await failure(createValueListItem({ ctx, input: { value_list: vpas.id, value: "a@b", extra: 1 } }))).toMatchObject({
      code: "parameter_unknown",
      param: "extra",
    });
    expect((await itemsOf(ctx)).length).toBe(7);
  });

  it("a default block_/allow_ list is created by its first item; any other unknown list is 404 on value_list", async () => {
    const ctx = await merchant();
    const first = await createValueListItem({ ctx, input: { value_list: "block_card_fingerprint", value: "fpabcdef12" } });
    const [made] = await h.db
      .select()
      .from(fraudLists)
      .where(and(eq(fraudLists.merchantId, ctx.merchantId), eq(fraudLists.alias, "block_card_fingerprint")));
    expect(made).toMatchObject({ id: first.value_list, itemType: "card_fingerprint", name: "Blocked card fingerprints", livemode: false });
    const second = await createValueListItem({ ctx, input: { value_list: "block_card_fingerprint", value: "fpabcdef13" } });
    expect(second.value_list).toBe(first.value_list);
    expect((await createValueListItem({ ctx, input: { value_list: "allow_card_country", value: "in" } })).value).toBe("in");
    expect(await code(createValueListItem({ ctx, input: { value_list: "block_email", value: "not an email" } }))).toBe("parameter_invalid");
    expect(await failure(createValueListItem({ ctx, input: { value_list: "my_list", value: "x@y.z" } }))).toMatchObject({
      code: "resource_missing",
      param: "value_list",
    });
    expect(await failure(createValueListItem({ ctx, input: { value_list: "rsl_00000000000000000000000000", value: "x@y.z" } }))).toMatchObject({
      code: "resource_missing",
      param: "value_list",
    });
    expect(await failure(listValueListItems({ ctx, input: { value_list: "my_list" }, url: "/x" }))).toMatchObject({
      code: "resource_missing",
      param: "value_list",
    });
    expect(await failure(listValueListItems({ ctx, input: {}, url: "/x" }))).toMatchObject({ code: "parameter_missing", param: "value_list" });
    // Two first items at once: one list.
    await Promise.all(["a@x.io", "b@x.io"].map((value) => createValueListItem({ ctx, input: { value_list: "block_email", value } })));
    const emails = await listValueLists({ ctx, input: { alias: "block_email" }, url: "/x" });
    expect(emails.data).toHaveLength(1);
    expect(emails.data[0]!.list_items.data.map((i) => i.value).sort()).toEqual(["a@x.io", "b@x.io"]);
  });

  it("a list an active rule reads cannot be deleted (400 value_list_in_use); once the rule is disabled it can", async () => {
    const ctx = await merchant();
    const list = await createValueList({ ctx, input: { alias: "vip", name: "VIP", item_type: "email" } });
    await createValueListItem({ ctx, input: { value_list: list.id, value: "v@ip.io" } });
    const rule = await createRule({ ctx, input: { source: "allow if :email: in @vip" } });
    expect(await failure(deleteValueList({ ctx, id: list.id }))).toMatchObject({ code: "value_list_in_use", message: expect.stringContaining(rule.id) });
    await disableRule({ ctx, id: rule.id });
    expect(await code(deleteValueList({ ctx, id: list.id }))).toBe("ok");
    expect(await itemsOf(ctx)).toEqual([]);
  });
});

describe("tenants, modes and roles", () => {
  it("another merchant's list and items, or the other mode's, are not found (404)", async () => {
    const a = await merchant();
    const b = await merchant();
    const list = await createValueList({ ctx: a, input: { alias: "vip", name: "VIP", item_type: "email" } });
    const item = await createValueListItem({ ctx: a, input: { value_list: list.id, value: "v@ip.io" } });
    for (const ctx of [b, { ...a, livemode: true }]) {
      expect(await code(getValueList({ ctx, id: list.id }))).toBe("resource_missing");
      expect(await code(deleteValueList({ ctx, id: list.id }))).toBe("resource_missing");
      expect(await failure(createValueListItem({ ctx, input: { value_list: list.id, value: "x@y.io" } }))).toMatchObject({
        code: "resource_missing",
        param: "value_list",
      });
      expect(await code(createValueListItem({ ctx, input: { value_list: "vip", value: "x@y.io" } }))).toBe("resource_missing");
      expect(await code(listValueListItems({ ctx, input: { value_list: list.id }, url: "/x" }))).toBe("resource_missing");
      expect(await code(deleteValueListItem({ ctx, id: item.id }))).toBe("resource_missing");
      expect((await listValueLists({ ctx, input: {}, url: "/x" })).data).toEqual([]);
    }
    expect((await itemsOf(a)).map((i) => i.value)).toEqual(["v@ip.io"]);
    expect(await itemsOf(b)).toEqual([]);
  });

  it("owners and admins write; developers and analysts read; support neither; restricted keys need radar grants", async () => {
    const owner = await merchant();
    const as = (role: ServiceContext["role"]): ServiceContext => ({ ...owner, role });
    const list = await createValueList({ ctx: owner, input: { alias: "vip", name: "VIP", item_type: "email" } });
    expect(await code(createValueListItem({ ctx: as("admin"), input: { value_list: list.id, value: "a@b.io" } }))).toBe("ok");
    for (const role of ["developer", "analyst"] as const) {
      expect(await code(getValueList({ ctx: as(role), id: list.id }))).toBe("ok");
      expect(await code(listValueListItems({ ctx: as(role), input: { value_list: list.id }, url: "/x" }))).toBe("ok");
      expect(await code(createValueList({ ctx: as(role), input: { alias: "x", name: "x", item_type: "email" } }))).toBe("permission_denied");
      expect(await code(createValueListItem({ ctx: as(role), input: { value_list: list.id, value: "c@b.io" } }))).toBe("permission_denied");
      expect(await code(deleteValueList({ ctx: as(role), id: list.id }))).toBe("permission_denied");
    }
    expect(await code(listValueLists({ ctx: as("support"), input: {}, url: "/x" }))).toBe("permission_denied");
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...owner, actor: { type: "api_key", id: "key_x" }, keyPermissions: grants });
    expect(await code(getValueList({ ctx: key({ customers: "write" }), id: list.id }))).toBe("permission_denied");
    expect(await code(createValueListItem({ ctx: key({ radar: "read" }), input: { value_list: list.id, value: "d@b.io" } }))).toBe("permission_denied");
    expect(await code(createValueListItem({ ctx: key({ radar: "write" }), input: { value_list: list.id, value: "d@b.io" } }))).toBe("ok");
    expect((await itemsOf(owner)).map((i) => i.value)).toEqual(["a@b.io", "d@b.io"]);
  });
});
