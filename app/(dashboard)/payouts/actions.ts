"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { fromDecimalString } from "@/lib/money";
import { cancelPayout } from "@/lib/payouts/cancel-payout";
import { createPayout } from "@/lib/payouts/create-payout";

/** Major units as typed ("12.50") → minor units; anything unreadable is NaN, which the verb refuses. */
function minorUnits(typed: string, currency: string): number {
  try {
    return Number(fromDecimalString(typed.replace(/[,\s]/g, ""), currency));
  } catch {
    return Number.NaN;
  }
}

/** Payouts → Pay out: a manual payout of the typed amount to the currency's default bank account. */
export async function createPayoutAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const currency = String(form.get("currency") ?? "").toLowerCase();
  const result = await memberAction(async ({ ctx }) => {
    const description = String(form.get("description") ?? "").trim();
    await createPayout({ ctx, input: { amount: minorUnits(String(form.get("amount") ?? ""), currency), currency, ...(description ? { description } : {}) } });
    return null;
  }, "create payout");
  if (result.ok) revalidatePath("/payouts");
  return result;
}

/** A pending payout's Cancel button. */
export async function cancelPayoutAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = String(form.get("payout") ?? "");
  const result = await memberAction(async ({ ctx }) => {
    await cancelPayout({ ctx, id });
    return null;
  }, "cancel payout");
  if (result.ok) revalidatePath(`/payouts/${id}`);
  return result;
}
