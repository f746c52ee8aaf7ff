"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { KassaError } from "@/lib/service/errors";
import { fromDecimalString, isCurrency } from "@/lib/money";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { updatePaymentLink } from "@/lib/payment-links/update-payment-link";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

export async function createPaymentLinkAction(_prev: ActionResult<{ id: string; url: string }> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    const currency = str(form, "currency").toLowerCase();
    const chooses = form.get("customer_chooses") === "on";
    let amount: number | undefined;
    if (!chooses) {
      if (!isCurrency(currency)) throw new KassaError("currency_unsupported", "Choose a currency.", { param: "currency" });
      try {
        amount = Number(fromDecimalString(str(form, "amount"), currency));
      } catch {
        throw new KassaError("parameter_invalid", "Enter the amount as a number, such as 12.50, or let customers choose it.", { param: "amount" });
      }
    }
    const quantity = str(form, "quantity") ? Number(str(form, "quantity")) : undefined;
    const link = await createPaymentLink({
      ctx,
      baseUrl: await requestBaseUrl(),
      input: { currency, description: str(form, "description"), ...(amount !== undefined ? { amount } : {}), ...(quantity !== undefined ? { quantity } : {}) },
    });
    return { id: link.id, url: link.url };
  });
  revalidatePath("/payment-links");
  return result;
}

export async function deactivatePaymentLinkAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await updatePaymentLink({ ctx, id: str(form, "id"), input: { active: false } });
    return null;
  });
  revalidatePath("/payment-links");
  return result;
}
