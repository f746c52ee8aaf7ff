"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { updateAlertSettings } from "@/lib/alerts/update-alert-settings";

/** "12.5" or "12.5 %" → 12.5; empty or anything else is NaN, which the verb refuses with the field's param. */
function typedNumber(value: FormDataEntryValue | null): number {
  const plain = String(value ?? "")
    .replace(/%/g, "")
    .trim();
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** Saves the mode's alert thresholds from the Settings → Alerts form. */
export async function updateAlertSettingsAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await updateAlertSettings({
      ctx,
      input: {
        failure_rate_threshold: typedNumber(form.get("failure_rate_threshold")),
        timeout_rate_threshold: typedNumber(form.get("timeout_rate_threshold")),
        min_attempts: typedNumber(form.get("min_attempts")),
      },
    });
    return null;
  }, "update alert settings");
  if (result.ok) revalidatePath("/settings/alerts");
  return result;
}
