"use server";

import { revalidatePath } from "next/cache";
import { updateBillingSettings } from "@/lib/billing/update-billing-settings";
import { memberAction, type ActionResult } from "@/lib/http/session/action";

/**
 * Saves the dunning settings. Retry days are typed as a list ("1, 3, 5"): each piece goes to the verb as a
 * number (a word becomes NaN, which the verb refuses with the position it was at).
 */
export async function updateBillingSettingsAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const typed = String(form.get("retry_days") ?? "").trim();
  const result = await memberAction(async ({ ctx }) => {
    await updateBillingSettings({
      ctx,
      input: {
        retry_days:
          typed === ""
            ? []
            : typed
                .split(/[\s,;]+/)
                .filter(Boolean)
                .map(Number),
        terminal_action: String(form.get("terminal_action") ?? ""),
        portal_cancel: form.get("portal_cancel") === "on",
      },
    });
    return null;
  }, "update billing settings");
  if (result.ok) revalidatePath("/settings/billing");
  return result;
}
