import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { DEFAULT_EXPIRY_MINUTES, loadUpiSettings, type UpiSettings } from "./settings";
import type { z } from "zod";
import type { UpiSettingsObject as UpiSettingsSchema } from "./upi-object";

/** The API-style object of a mode's UPI settings (amounts in paise). */
export function upiSettingsObject(s: UpiSettings, livemode: boolean) {
  return {
    object: "upi_settings" as const,
    livemode,
    collect_enabled: s.collectEnabled,
    max_amount: Number(s.maxAmount),
    /** null: each flow's own default (default_expiry_minutes). */
    expiry_minutes: s.expiryMinutes,
    fee_basis_points: s.feeBasisPoints,
    default_expiry_minutes: { ...DEFAULT_EXPIRY_MINUTES },
  } satisfies z.input<typeof UpiSettingsSchema>;
}
export type UpiSettingsObject = ReturnType<typeof upiSettingsObject>;

/** The merchant's UPI settings in the session's mode (the defaults until saved); every role reads them. */
export async function getUpiSettings({ ctx }: { ctx: ServiceContext }): Promise<UpiSettingsObject> {
  requirePermission(ctx, "account:read");
  return upiSettingsObject(await loadUpiSettings(await executor(ctx), ctx), ctx.livemode);
}
