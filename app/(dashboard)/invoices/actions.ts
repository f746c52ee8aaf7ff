"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { markInvoiceUncollectible } from "@/lib/invoices/mark-uncollectible";
import { voidInvoice } from "@/lib/invoices/void-invoice";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

function revalidate(form: FormData) {
  revalidatePath("/invoices");
  const subscription = str(form, "subscription");
  if (subscription) revalidatePath(`/subscriptions/${subscription}`);
}

/** An open invoice cancelled for good: no retry charges it. */
export async function voidInvoiceAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await voidInvoice({ ctx, id: str(form, "id") });
    return null;
  }, "void invoice");
  if (result.ok) revalidate(form);
  return result;
}

/** An open invoice written off as bad debt (it stays payable). */
export async function markUncollectibleAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await memberAction(async ({ ctx }) => {
    await markInvoiceUncollectible({ ctx, id: str(form, "id") });
    return null;
  }, "mark invoice uncollectible");
  if (result.ok) revalidate(form);
  return result;
}
