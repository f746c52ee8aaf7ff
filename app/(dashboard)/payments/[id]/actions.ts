"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { releaseEscrow } from "@/lib/escrow/release-escrow";

/** The payment page's Escrow panel: release the held funds to the merchant now (Origin-checked by memberAction; payments:write). */
export async function releaseEscrowAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  const id = String(form.get("id") ?? "").trim();
  const result = await memberAction(async ({ ctx }) => {
    const payment = await releaseEscrow({ ctx, id });
    return { status: payment.escrow?.status ?? "none" };
  }, "escrow release");
  revalidatePath(`/payments/${id}`);
  revalidatePath("/balance");
  return result;
}
