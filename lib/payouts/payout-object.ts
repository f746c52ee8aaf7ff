// The API's `payout` and `payout_settings` (lib/payouts/serialize-payout.ts and payout-settings.ts type their answers by these).
import { PAYOUT_INTERVALS, PAYOUT_STATUSES, WEEKLY_ANCHORS } from "@/db/schema/payouts";
import { currency, idOf, livemode, minorUnits, unixTime } from "@/lib/openapi/fields";
import { z } from "@/lib/openapi/zod";

export const PayoutObject = z
  .strictObject({
    id: idOf("payout"),
    object: z.literal("payout"),
    amount: minorUnits("The amount paid out."),
    arrival_date: unixTime("Expected (or actual) arrival at the bank").nullable(),
    automatic: z.boolean().openapi({ description: "Made by the payout schedule; settles balance transactions." }),
    balance_transaction: idOf("balanceTransaction"),
    created: unixTime("Created"),
    currency: currency(),
    description: z.string().nullable(),
    destination: idOf("bankAccount"),
    failure_balance_transaction: idOf("balanceTransaction").nullable(),
    failure_code: z.string().nullable(),
    failure_message: z.string().nullable(),
    livemode: livemode(),
    method: z.literal("standard"),
    reconciliation_status: z.enum(["completed", "not_applicable"]),
    source_type: z.literal("card"),
    status: z.enum(PAYOUT_STATUSES),
    type: z.literal("bank_account"),
  })
  .openapi("Payout", { description: "Money leaving the available balance for the merchant's bank account." });

export const PayoutSettingsObject = z
  .strictObject({
    object: z.literal("payout_settings"),
    livemode: livemode(),
    schedule: z.strictObject({
      interval: z.enum(PAYOUT_INTERVALS),
      weekly_anchor: z.enum(WEEKLY_ANCHORS).nullable().openapi({ description: "The weekday, for weekly." }),
      monthly_anchor: z.int().min(1).max(31).nullable().openapi({ description: "The day (1–31), for monthly; a shorter month pays on its last day." }),
    }),
  })
  .openapi("PayoutSettings", { description: "The payout schedule of a mode." });
