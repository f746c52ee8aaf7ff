"use server";

import { revalidatePath } from "next/cache";
import { createBankAccount } from "@/lib/bank-accounts/create-bank-account";
import { deleteBankAccount } from "@/lib/bank-accounts/delete-bank-account";
import { updateBankAccount } from "@/lib/bank-accounts/update-bank-account";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { updatePayoutSettings } from "@/lib/payouts/payout-settings";

const field = (form: FormData, name: string) => {
  const v = String(form.get(name) ?? "").trim();
  return v === "" ? undefined : v;
};

/** Settings → Payouts → Schedule. */
export async function updatePayoutScheduleAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const interval = field(form, "interval");
  const result = await memberAction(async ({ ctx }) => {
    await updatePayoutSettings({
      ctx,
      input: {
        interval,
        ...(interval === "weekly" ? { weekly_anchor: field(form, "weekly_anchor") } : {}),
        ...(interval === "monthly" ? { monthly_anchor: Number(field(form, "monthly_anchor")) } : {}),
      },
    });
    return null;
  }, "update payout schedule");
  if (result.ok) revalidatePath("/settings/payouts");
  return result;
}

/** Settings → Payouts → Add bank account: an IBAN, or an account number with its routing number. */
export async function addBankAccountAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    const iban = field(form, "iban");
    await createBankAccount({
      ctx,
      input: {
        currency: field(form, "currency"),
        country: field(form, "country"),
        account_holder_name: field(form, "account_holder_name"),
        ...(iban ? { iban } : { account_number: field(form, "account_number"), routing_number: field(form, "routing_number") }),
      },
    });
    return null;
  }, "add bank account");
  if (result.ok) revalidatePath("/settings/payouts");
  return result;
}

/** A bank account's "Make default" button. */
export async function setDefaultBankAccountAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await updateBankAccount({ ctx, id: String(form.get("bank_account") ?? ""), input: { default_for_currency: true } });
    return null;
  }, "set default bank account");
  if (result.ok) revalidatePath("/settings/payouts");
  return result;
}

/** A bank account's "Remove" button. */
export async function removeBankAccountAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await deleteBankAccount({ ctx, id: String(form.get("bank_account") ?? "") });
    return null;
  }, "remove bank account");
  if (result.ok) revalidatePath("/settings/payouts");
  return result;
}
