// Alert settings at service level on PostgreSQL: exact codes for bad input with nothing stored, each role,
// each mode its own row, an audit row with before and after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { alertSettings, auditLog, ROLES } from "@/db/schema";
import { freshPostgres } from "@/test/db";
import { errorCodeOf, makeMerchant } from "@/test/fixtures";
import { getAlertSettings } from "./get-alert-settings";
import { updateAlertSettings } from "./update-alert-settings";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await freshPostgres("alert_settings");
});
afterAll(() => h.close());

const good = { failure_rate_threshold: 12.5, timeout_rate_threshold: 4, min_attempts: 30 };

describe("alert settings", () => {
  it("defaults until saved: 10%, 5%, 20 attempts over 15 minutes, clearing at 8% and 4%", async () => {
    const { ctx } = await makeMerchant(h.db);
    expect(await getAlertSettings({ ctx })).toEqual({
      object: "alert_settings",
      livemode: false,
      failure_rate_threshold: 10,
      timeout_rate_threshold: 5,
      min_attempts: 20,
      window_minutes: 15,
      failure_rate_clears_at: 8,
      timeout_rate_clears_at: 4,
    });
  });

  it("bad input is refused with its exact code and param, and nothing is stored", async () => {
    const { ctx } = await makeMerchant(h.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ failure_rate_threshold: -5 }, "parameter_invalid", "failure_rate_threshold"],
      [{ failure_rate_threshold: 0 }, "parameter_invalid", "failure_rate_threshold"],
      [{ failure_rate_threshold: 100.5 }, "parameter_invalid", "failure_rate_threshold"],
      [{ timeout_rate_threshold: 101 }, "parameter_invalid", "timeout_rate_threshold"],
      [{ timeout_rate_threshold: Number.NaN }, "parameter_invalid", "timeout_rate_threshold"],
      [{ timeout_rate_threshold: "5" }, "parameter_invalid", "timeout_rate_threshold"],
      [{ failure_rate_threshold: 10.125 }, "parameter_invalid", "failure_rate_threshold"],
      [{ min_attempts: 0 }, "parameter_invalid_integer", "min_attempts"],
      [{ min_attempts: 2.5 }, "parameter_invalid_integer", "min_attempts"],
      [{ min_attempts: -1 }, "parameter_invalid_integer", "min_attempts"],
      [{ min_attempts: undefined }, "parameter_missing", "min_attempts"],
      [{ merchant_id: "mer_other" }, "parameter_unknown", "merchant_id"],
    ];
    for (const [change, code, param] of cases) {
      const err = await updateAlertSettings({ ctx, input: { ...good, ...change } }).catch((e: unknown) => e as { code: string; param?: string });
      expect({ code: (err as { code: string }).code, param: (err as { param?: string }).param }, JSON.stringify(change)).toEqual({ code, param });
    }
    expect(await h.db.select().from(alertSettings).where(eq(alertSettings.merchantId, ctx.merchantId))).toEqual([]);
  });

  it("owners and admins change them; developers, analysts and support only read", async () => {
    const { ctx } = await makeMerchant(h.db);
    for (const role of ROLES) {
      const as = { ...ctx, role };
      expect((await getAlertSettings({ ctx: as })).min_attempts, role).toBeGreaterThan(0);
      expect(await errorCodeOf(updateAlertSettings({ ctx: as, input: good })), role).toBe(role === "owner" || role === "admin" ? "ok" : "permission_denied");
    }
  });

  it("each mode has its own thresholds; a save is audited with before and after", async () => {
    const { ctx } = await makeMerchant(h.db);
    expect(await updateAlertSettings({ ctx, input: good })).toMatchObject({
      failure_rate_threshold: 12.5,
      timeout_rate_threshold: 4,
      min_attempts: 30,
      failure_rate_clears_at: 10,
    });
    expect(await getAlertSettings({ ctx: { ...ctx, livemode: true } })).toMatchObject({ failure_rate_threshold: 10, livemode: true });
    const rows = await h.db.select().from(alertSettings).where(eq(alertSettings.merchantId, ctx.merchantId));
    expect(rows.map((r) => [r.livemode, r.failureRateBp, r.timeoutRateBp, r.minAttempts])).toEqual([[false, 1250, 400, 30]]);
    const [audit] = (await h.db.select().from(auditLog).where(eq(auditLog.merchantId, ctx.merchantId))).filter((a) => a.action === "alert_settings.updated");
    expect(audit!.metadata).toEqual({
      before: { failureRateBp: 1000, timeoutRateBp: 500, minAttempts: 20 },
      after: { failureRateBp: 1250, timeoutRateBp: 400, minAttempts: 30 },
    });
  });
});
