import { z } from "zod";
import { upiSettings } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { upiSettingsObject, type UpiSettingsObject } from "./get-upi-settings";
import { loadUpiSettings, MIN_EXPIRY_MINUTES, UPI_MIN_AMOUNT } from "./settings";

/** ₹5,00,000: the largest UPI limit a merchant may set (NPCI's cap for the higher-limit P2M categories). */
export const MAX_UPI_LIMIT = 50_000_000;
export const MAX_EXPIRY_MINUTES = 60;
export const MAX_FEE_BASIS_POINTS = 500;

export const UpiSettingsInput = z.strictObject({
  collect_enabled: z.boolean(),
  /** Paise, ₹1 to ₹5,00,000. */
  max_amount: z.number().int().min(Number(UPI_MIN_AMOUNT)).max(MAX_UPI_LIMIT),
  /** null: each flow's default (intent 10, QR and collect 8). */
  expiry_minutes: z.number().int().min(MIN_EXPIRY_MINUTES).max(MAX_EXPIRY_MINUTES).nullable(),
  fee_basis_points: z.number().int().min(0).max(MAX_FEE_BASIS_POINTS),
});

/**
 * Saves the merchant's UPI settings for the session's mode (test and live are separate rows): collect
 * on or off, the largest payment, the expiry and the PSP's fee, each taking effect for the next UPI
 * payment. Owners and admins only (account:write, as Settings → Billing); an audit row records before and after.
 */
export async function updateUpiSettings({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<UpiSettingsObject> {
  requirePermission(ctx, "account:write");
  const data = parseWith(UpiSettingsInput, input);
  return commit(ctx, async (tx, changes) => {
    const before = upiSettingsObject(await loadUpiSettings(tx, ctx), ctx.livemode);
    const set = {
      collectEnabled: data.collect_enabled,
      maxAmount: BigInt(data.max_amount),
      expiryMinutes: data.expiry_minutes,
      feeBasisPoints: data.fee_basis_points,
    };
    await tx
      .insert(upiSettings)
      .values({ merchantId: ctx.merchantId, livemode: ctx.livemode, ...set })
      .onConflictDoUpdate({ target: [upiSettings.merchantId, upiSettings.livemode], set: { ...set, updatedAt: new Date() } });
    const after = upiSettingsObject(set, ctx.livemode);
    const plain = (o: UpiSettingsObject) => ({
      collect_enabled: o.collect_enabled,
      max_amount: o.max_amount,
      expiry_minutes: o.expiry_minutes,
      fee_basis_points: o.fee_basis_points,
    });
    changes.audit({
      action: "upi_settings.updated",
      targetType: "merchant",
      targetId: ctx.merchantId,
      metadata: { before: plain(before), after: plain(after) },
    });
    return after;
  });
}
