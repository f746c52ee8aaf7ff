"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { detachPaymentMethod } from "@/lib/customers/detach-payment-method";
import { updateCustomer } from "@/lib/customers/update-customer";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

export interface CustomerFormValues {
  name: string;
  email: string;
  description: string;
}
/** The result plus what was typed, so a refused form keeps its values. */
export type CustomerFormState = ActionResult<null> & { values: CustomerFormValues };

/** Fresh pages after a change; a refusal re-renders nothing, so the form keeps showing why. */
function done<T>(result: ActionResult<T>, id: string) {
  if (result.ok) {
    revalidatePath(`/customers/${id}`);
    revalidatePath("/customers");
  }
  return result;
}

/** Name, email and description; an empty field clears it (as `""` does in the API). */
export async function updateCustomerAction(_prev: CustomerFormState | null, form: FormData): Promise<CustomerFormState> {
  const id = str(form, "id");
  const values = { name: str(form, "name"), email: str(form, "email"), description: str(form, "description") };
  const result = await memberAction(async ({ ctx }) => {
    await updateCustomer({ ctx, id, input: values });
    return null;
  });
  return { ...done(result, id), values };
}

export async function setDefaultCardAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await updateCustomer({ ctx, id, input: { invoice_settings: { default_payment_method: str(form, "payment_method") } } });
    return null;
  });
  return done(result, id);
}

export async function detachCardAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await detachPaymentMethod({ ctx, id: str(form, "payment_method") });
    return null;
  });
  return done(result, id);
}
