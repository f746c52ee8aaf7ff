"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { updateUpiSettings } from "@/lib/upi/update-upi-settings";

/** "1,00,000" or "2500.50" (rupees, Indian or plain grouping) → paise; anything else is NaN, which the verb refuses. */
function rupeesToPaise(typed: string): number {
  const plain = typed.replace(/[₹,\s]/g, "");
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(plain);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

/** Saves the mode's UPI settings from the Settings → UPI form (an empty expiry means each flow's default). */
export async function updateUpiSettingsAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const expiry = String(form.get("expiry_minutes") ?? "").trim();
  const result = await memberAction(async ({ ctx }) => {
    await updateUpiSettings({
      ctx,
      input: {
        collect_enabled: form.get("collect_enabled") === "on",
        max_amount: rupeesToPaise(String(form.get("max_amount") ?? "")),
        expiry_minutes: expiry === "" ? null : Number(expiry),
        fee_basis_points: Number(String(form.get("fee_basis_points") ?? "").trim() || "0"),
      },
    });
    return null;
  }, "update UPI settings");
  if (result.ok) revalidatePath("/settings/upi");
  return result;
}
