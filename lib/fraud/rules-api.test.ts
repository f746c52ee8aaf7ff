// Radar rules at service level on a real PostgreSQL: create from source, versions, disable, the 100-rule cap,
// the parser's errors as 400 rule_invalid naming the column, unknown and mistyped lists, roles and restricted keys,
// tenants and modes, and the audit row of every write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, fraudRules } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { freshPostgres } from "@/test/db";
import { errorCodeOf as code, makeMerchantContext } from "@/test/fixtures";
import { createRule } from "./create-rule";
import { createValueList } from "./create-value-list";
import { disableRule } from "./disable-rule";
import { getRule } from "./get-rule";
import { listRules } from "./list-rules";
import { MAX_ACTIVE_RULES } from "./radar-limits";
import { updateRule } from "./update-rule";

let h: DatabaseHandle & { url: string };
beforeAll(async () => {
  h = await freshPostgres("radar_rules");
  process.env.DATABASE_URL = h.url;
});
afterAll(() => h.close());

const merchant = () => makeMerchantContext(h.db);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof KassaError ? { code: e.code, message: e.message, param: e.param } : e),
  );
const rulesOf = (ctx: ServiceContext) => h.db.select().from(fraudRules).where(eq(fraudRules.merchantId, ctx.merchantId)).orderBy(fraudRules.id);
const auditsOf = async (ctx: ServiceContext) =>
  (
    await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.targetType, "radar_rule")))
      .orderBy(auditLog.id)
  ).map((a) => `${a.action} ${a.targetId}`);

describe("rules", () => {
  it("create from the source (the action from it), read, list with cursors, a new version on change, disable — each audited", async () => {
    const ctx = await merchant();
    const big = await createRule({ ctx, input: { source: "block if :amount_in_usd: > 5000 and :card_country: != :ip_country:" } });
    expect(big).toEqual({
      id: expect.stringMatching(/^rule_[0-9a-z]{26}$/),
      object: "radar.rule",
      action: "block",
      source: "block if :amount_in_usd: > 5000 and :card_country: != :ip_country:",
      status: "active",
      version: 1,
      replaces: null,
      livemode: false,
      created: expect.any(Number),
      updated: expect.any(Number),
    });
    const review = await createRule({ ctx, input: { action: "review", source: "review if :risk_score: >= 65" } });
    const threeDs = await createRule({ ctx, input: { source: "request_3ds if :is_first_payment_for_card:" } });
    expect(review.action).toBe("review");
    expect(threeDs.action).toBe("request_3ds");
    expect(await getRule({ ctx, id: review.id })).toEqual(review);

    const v2 = await updateRule({ ctx, id: review.id, input: { source: "review if :risk_score: >= 60" } });
    expect(v2).toMatchObject({ action: "review", source: "review if :risk_score: >= 60", status: "active", version: 2, replaces: review.id });
    expect(v2.id).not.toBe(review.id);
    expect(await getRule({ ctx, id: review.id })).toMatchObject({ status: "disabled", version: 1, source: "review if :risk_score: >= 65" });
    // The action may change with the source; the third version replaces the second.
    const v3 = await updateRule({ ctx, id: v2.id, input: { source: "block if :risk_score: >= 90" } });
    expect(v3).toMatchObject({ action: "block", version: 3, replaces: v2.id });
    // The same source again is no new version.
    expect(await updateRule({ ctx, id: v3.id, input: { source: "block if :risk_score: >= 90" } })).toEqual(v3);
    // An older version, or a disabled rule, takes no new version.
    expect(await failure(updateRule({ ctx, id: review.id, input: { source: "review if :risk_score: >= 1" } }))).toMatchObject({
      code: "rule_inactive",
      param: "id",
    });

    const disabled = await disableRule({ ctx, id: threeDs.id });
    expect(disabled).toMatchObject({ id: threeDs.id, status: "disabled" });
    expect(await disableRule({ ctx, id: threeDs.id })).toEqual(disabled);
    expect(await code(updateRule({ ctx, id: threeDs.id, input: { source: "request_3ds if :amount: > 1" } }))).toBe("rule_inactive");

    const active = await listRules({ ctx, input: { status: "active" }, url: "/api/v1/radar/rules" });
    expect(active.data.map((r) => r.id)).toEqual([v3.id, big.id]);
    const all = await listRules({ ctx, input: { limit: "2" }, url: "/api/v1/radar/rules" });
    expect(all).toMatchObject({ object: "list", has_more: true, url: "/api/v1/radar/rules" });
    expect(all.data.map((r) => r.id)).toEqual([v3.id, v2.id]);
    const older = await listRules({ ctx, input: { starting_after: v2.id }, url: "/x" });
    expect(older.data.map((r) => r.id)).toEqual([threeDs.id, review.id, big.id]);
    expect((await listRules({ ctx, input: { status: "disabled" }, url: "/x" })).data.map((r) => r.id)).toEqual([v2.id, threeDs.id, review.id]);

    expect(await auditsOf(ctx)).toEqual([
      `radar_rule.created ${big.id}`,
      `radar_rule.created ${review.id}`,
      `radar_rule.created ${threeDs.id}`,
      `radar_rule.updated ${v2.id}`,
      `radar_rule.updated ${v3.id}`,
      `radar_rule.disabled ${threeDs.id}`,
    ]);
    const [updated] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.merchantId, ctx.merchantId), eq(auditLog.targetId, v2.id)));
    expect(updated!.metadata).toEqual({ replaces: review.id, version: 2, before: "review if :risk_score: >= 65", after: "review if :risk_score: >= 60" });
  });

  it("a rule that does not parse is 400 rule_invalid with the parser's message naming the column, param source; nothing stored", async () => {
    const ctx = await merchant();
    expect(await failure(createRule({ ctx, input: { source: "block if :amount_in_usd: >" } }))).toEqual({
      code: "rule_invalid",
      message: "Invalid rule: Expected a value after '>' at column 27.",
      param: "source",
    });
    expect(await failure(createRule({ ctx, input: { source: "block if :amount_in_usd > 5" } }))).toMatchObject({
      code: "rule_invalid",
      message: "Invalid rule: Expected ':' to close the attribute :amount_in_usd at column 24 (write :amount_in_usd:).",
    });
    expect(await failure(createRule({ ctx, input: { source: "block if :amount_usd: > 5" } }))).toMatchObject({
      code: "rule_invalid",
      message: "Invalid rule: Unknown attribute :amount_usd: at column 10.",
    });
    expect(await failure(createRule({ ctx, input: { source: "deny if :amount: > 5" } }))).toMatchObject({
      code: "rule_invalid",
      message: expect.stringContaining("column 1"),
    });
    // Too long: the parser's limit, the same code.
    expect(await failure(createRule({ ctx, input: { source: `block if :email: in (${"'a',".repeat(300)}'b')` } }))).toMatchObject({
      code: "rule_invalid",
      message: expect.stringContaining("longer than 1000 characters"),
      param: "source",
    });
    // The action given disagrees with the source.
    expect(await failure(createRule({ ctx, input: { action: "allow", source: "block if :amount: > 5" } }))).toMatchObject({
      code: "parameter_invalid",
      param: "action",
    });
    expect(await failure(createRule({ ctx, input: { action: "deny", source: "block if :amount: > 5" } }))).toMatchObject({
      code: "parameter_invalid",
      param: "action",
    });
    expect(await failure(createRule({ ctx, input: {} }))).toMatchObject({ code: "parameter_missing", param: "source" });
    expect(await failure(createRule({ ctx, input: { source: 5 } }))).toMatchObject({ code: "parameter_invalid", param: "source" });
    expect(await failure(createRule({ ctx, input: { source: "block if :amount: > 5", status: "disabled" } }))).toMatchObject({
      code: "parameter_unknown",
      param: "status",
    });
    expect(await code(listRules({ ctx, input: { status: "gone" }, url: "/x" }))).toBe("parameter_invalid");
    // An update is checked the same way and leaves the rule as it was.
    const rule = await createRule({ ctx, input: { source: "block if :amount: > 5" } });
    expect(await failure(updateRule({ ctx, id: rule.id, input: { source: "block if :amount: >> 5" } }))).toMatchObject({
      code: "rule_invalid",
      message: expect.stringContaining("column 20"),
    });
    expect(await failure(updateRule({ ctx, id: rule.id, input: { source: "block if :amount: > 6", version: 9 } }))).toMatchObject({
      code: "parameter_unknown",
      param: "version",
    });
    expect((await rulesOf(ctx)).map((r) => [r.id, r.status, r.source])).toEqual([[rule.id, "active", "block if :amount: > 5"]]);
  });

  it("a list the rule names must exist and hold the attribute's kind of value; the default block_/allow_ lists may be named before they exist", async () => {
    const ctx = await merchant();
    expect(await failure(createRule({ ctx, input: { source: "allow if :email: in @vip_customers" } }))).toEqual({
      code: "rule_invalid",
      message: "Invalid rule: no list @vip_customers at column 10 (create it first, or check the alias).",
      param: "source",
    });
    await createValueList({ ctx, input: { alias: "vip_customers", name: "VIPs", item_type: "email" } });
    expect(await code(createRule({ ctx, input: { source: "allow if :email: in @vip_customers" } }))).toBe("ok");
    expect(await failure(createRule({ ctx, input: { source: "block if :amount: > 5 and :ip_address: in @vip_customers" } }))).toMatchObject({
      code: "rule_invalid",
      message: expect.stringContaining("@vip_customers holds email values, so :ip_address: is never in it at column 27"),
    });
    expect(await code(createRule({ ctx, input: { source: "block if :card_country: in @block_card_country or :email: in @block_email" } }))).toBe("ok");
    // A default alias with the wrong kind of attribute, and one that is not a default list.
    expect(await code(createRule({ ctx, input: { source: "block if :email: in @block_ip_address" } }))).toBe("rule_invalid");
    expect(await code(createRule({ ctx, input: { source: "block if :email: in @block_emails" } }))).toBe("rule_invalid");
    // Another merchant's list, or this merchant's in the other mode, is no list here.
    const other = await merchant();
    expect(await code(createRule({ ctx: other, input: { source: "allow if :email: in @vip_customers" } }))).toBe("rule_invalid");
    expect(await code(createRule({ ctx: { ...ctx, livemode: true }, input: { source: "allow if :email: in @vip_customers" } }))).toBe("rule_invalid");
  });

  it(`at most ${MAX_ACTIVE_RULES} active rules per merchant and mode; disabling one makes room, a new version takes none`, async () => {
    const ctx = await merchant();
    const made = [];
    for (let i = 0; i < MAX_ACTIVE_RULES; i++) made.push(await createRule({ ctx, input: { source: `review if :amount: > ${i}` } }));
    expect(await failure(createRule({ ctx, input: { source: "block if :amount: > 1000" } }))).toMatchObject({
      code: "rule_invalid",
      message: expect.stringContaining("100 active rules"),
    });
    expect(await code(updateRule({ ctx, id: made[0]!.id, input: { source: "review if :amount: > 1000" } }))).toBe("ok");
    // The other mode has its own hundred.
    expect(await code(createRule({ ctx: { ...ctx, livemode: true }, input: { source: "block if :amount: > 1000" } }))).toBe("ok");
    await disableRule({ ctx, id: made[1]!.id });
    expect(await code(createRule({ ctx, input: { source: "block if :amount: > 1000" } }))).toBe("ok");
    expect(await code(createRule({ ctx, input: { source: "block if :amount: > 1001" } }))).toBe("rule_invalid");
    // Two at once for the last place: one wins.
    await disableRule({ ctx, id: made[2]!.id });
    const raced = await Promise.all([1, 2].map((i) => code(createRule({ ctx, input: { source: `block if :amount: > ${2000 + i}` } }))));
    expect(raced.sort()).toEqual(["ok", "rule_invalid"]);
  });
});

describe("tenants, modes and roles", () => {
  it("another merchant's rule, or the other mode's, is not found (404) for read, update and disable", async () => {
    const a = await merchant();
    const b = await merchant();
    const rule = await createRule({ ctx: a, input: { source: "block if :amount: > 5" } });
    for (const ctx of [b, { ...a, livemode: true }]) {
      expect(await failure(getRule({ ctx, id: rule.id }))).toMatchObject({ code: "resource_missing", param: "id" });
      expect(await code(updateRule({ ctx, id: rule.id, input: { source: "block if :amount: > 6" } }))).toBe("resource_missing");
      expect(await code(disableRule({ ctx, id: rule.id }))).toBe("resource_missing");
      expect((await listRules({ ctx, input: {}, url: "/x" })).data).toEqual([]);
    }
    expect(await code(getRule({ ctx: a, id: "rule_nope" }))).toBe("resource_missing");
    expect(await getRule({ ctx: a, id: rule.id })).toMatchObject({ status: "active", version: 1 });
    // Live mode keeps its own rules.
    const live = await createRule({ ctx: { ...a, livemode: true }, input: { source: "review if :amount: > 5" } });
    expect(live.livemode).toBe(true);
    expect((await listRules({ ctx: a, input: {}, url: "/x" })).data.map((r) => r.id)).toEqual([rule.id]);
  });

  it("owners and admins write; developers and analysts read; support neither; restricted keys need radar grants", async () => {
    const owner = await merchant();
    const as = (role: ServiceContext["role"]): ServiceContext => ({ ...owner, role });
    const rule = await createRule({ ctx: owner, input: { source: "block if :amount: > 5" } });
    expect(await code(createRule({ ctx: as("admin"), input: { source: "block if :amount: > 6" } }))).toBe("ok");
    for (const role of ["developer", "analyst"] as const) {
      expect(await code(getRule({ ctx: as(role), id: rule.id }))).toBe("ok");
      expect(await code(listRules({ ctx: as(role), input: {}, url: "/x" }))).toBe("ok");
      expect(await code(createRule({ ctx: as(role), input: { source: "block if :amount: > 7" } }))).toBe("permission_denied");
      expect(await code(updateRule({ ctx: as(role), id: rule.id, input: { source: "block if :amount: > 7" } }))).toBe("permission_denied");
      expect(await code(disableRule({ ctx: as(role), id: rule.id }))).toBe("permission_denied");
    }
    expect(await code(getRule({ ctx: as("support"), id: rule.id }))).toBe("permission_denied");
    const key = (grants: Record<string, "read" | "write">): ServiceContext => ({ ...owner, actor: { type: "api_key", id: "key_x" }, keyPermissions: grants });
    expect(await code(getRule({ ctx: key({ payments: "write" }), id: rule.id }))).toBe("permission_denied");
    expect(await code(getRule({ ctx: key({ radar: "read" }), id: rule.id }))).toBe("ok");
    expect(await code(disableRule({ ctx: key({ radar: "read" }), id: rule.id }))).toBe("permission_denied");
    expect(await code(createRule({ ctx: key({ radar: "write" }), input: { source: "block if :amount: > 8" } }))).toBe("ok");
    expect((await rulesOf(owner)).map((r) => r.status)).toEqual(["active", "active", "active"]);
  });
});
