import { and, eq } from "drizzle-orm";
import { payoutSettings, type PayoutSettingsRow } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { UpdatePayoutSettingsInput } from "./inputs";
import type { z } from "zod";
import type { PayoutSettingsObject as PayoutSettingsSchema } from "./payout-object";

const DEFAULTS = { interval: "manual", weeklyAnchor: "monday", monthlyAnchor: 1 } as const;

/** Stripe's settings.payouts.schedule shape, per mode. */
function serialize(livemode: boolean, s: Pick<PayoutSettingsRow, "interval" | "weeklyAnchor" | "monthlyAnchor">) {
  return {
    object: "payout_settings" as const,
    livemode,
    schedule: {
      interval: s.interval,
      weekly_anchor: s.interval === "weekly" ? s.weeklyAnchor : null,
      monthly_anchor: s.interval === "monthly" ? s.monthlyAnchor : null,
    },
  } satisfies z.input<typeof PayoutSettingsSchema>;
}
export type PayoutSettingsObject = ReturnType<typeof serialize>;

/** GET /api/v1/payout_settings — the payout schedule of this mode (manual until set). */
export async function getPayoutSettings({ ctx }: { ctx: ServiceContext }): Promise<PayoutSettingsObject> {
  requirePermission(ctx, "payouts:read");
  const db = await executor(ctx);
  const [row] = await db
    .select()
    .from(payoutSettings)
    .where(and(eq(payoutSettings.merchantId, ctx.merchantId), eq(payoutSettings.livemode, ctx.livemode)));
  return serialize(ctx.livemode, row ?? DEFAULTS);
}

/** POST /api/v1/payout_settings — sets the schedule: manual, daily, weekly (weekday) or monthly (day 1–31). */
export async function updatePayoutSettings({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<PayoutSettingsObject> {
  requirePermission(ctx, "payouts:write");
  const data = parseWith(UpdatePayoutSettingsInput, input);
  return commit(ctx, async (tx, changes) => {
    const [before] = await tx
      .select()
      .from(payoutSettings)
      .where(and(eq(payoutSettings.merchantId, ctx.merchantId), eq(payoutSettings.livemode, ctx.livemode)))
      .for("update");
    const values = {
      interval: data.interval,
      weeklyAnchor: data.weekly_anchor ?? before?.weeklyAnchor ?? DEFAULTS.weeklyAnchor,
      monthlyAnchor: data.monthly_anchor ?? before?.monthlyAnchor ?? DEFAULTS.monthlyAnchor,
    };
    await tx
      .insert(payoutSettings)
      .values({ merchantId: ctx.merchantId, livemode: ctx.livemode, ...values })
      .onConflictDoUpdate({ target: [payoutSettings.merchantId, payoutSettings.livemode], set: values });
    const object = serialize(ctx.livemode, values);
    changes.audit({
      action: "payout_settings.updated",
      metadata: { before: serialize(ctx.livemode, before ?? DEFAULTS).schedule, after: object.schedule },
    });
    return object;
  });
}
