"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { createFulfillmentHook } from "@/lib/orders/create-fulfillment-hook";
import { deleteFulfillmentHook } from "@/lib/orders/delete-fulfillment-hook";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

export async function createHookAction(_prev: ActionResult<{ id: string; secret: string }> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    const hook = await createFulfillmentHook({
      ctx,
      input: {
        reserve_url: str(form, "reserve_url"),
        confirm_url: str(form, "confirm_url"),
        release_url: str(form, "release_url"),
        ...(str(form, "description") ? { description: str(form, "description") } : {}),
      },
    });
    return { id: hook.id, secret: hook.secret! };
  });
  revalidatePath("/developers/fulfillment-hooks");
  return result;
}

export async function deleteHookAction(_prev: ActionResult<null> | null, form: FormData) {
  const result = await memberAction(async ({ ctx }) => {
    await deleteFulfillmentHook({ ctx, id: str(form, "id") });
    return null;
  });
  revalidatePath("/developers/fulfillment-hooks");
  return result;
}
