// The API's `upi_vpa` and `upi_settings` (lib/upi/validate-vpa.ts and get-upi-settings.ts type their answers by these).
import { livemode, minorUnits } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const UpiVpaObject = z
  .strictObject({
    object: z.literal("upi_vpa"),
    vpa: z.string().openapi({ example: "success@upi" }),
    valid: z.boolean().openapi({ description: "Whether the PSP knows the VPA as an account." }),
    name: z.string().nullable().openapi({ description: "The account holder's name as the PSP reports it; null when not an account." }),
  })
  .openapi("UpiVpa", { description: "Whether a VPA is a UPI account, and its holder's name." });

export const UpiSettingsObject = z
  .strictObject({
    object: z.literal("upi_settings"),
    livemode: livemode(),
    collect_enabled: z.boolean(),
    max_amount: minorUnits("The largest UPI payment (paise)."),
    expiry_minutes: z.int().nullable().openapi({ description: "Minutes before an unpaid UPI payment expires; null: each flow's default." }),
    fee_basis_points: z.int(),
    default_expiry_minutes: z.strictObject({ intent: z.int(), qr: z.int(), collect: z.int() }),
  })
  .openapi("UpiSettings", { description: "A mode's UPI settings." });
