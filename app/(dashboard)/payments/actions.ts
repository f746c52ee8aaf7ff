"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { KassaError } from "@/lib/service/errors";
import { fromDecimalString } from "@/lib/money";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { createRefund } from "@/lib/refunds/create-refund";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

/** "12.34" in the payment's currency → minor units; empty → undefined (the whole remaining amount). */
function minorUnits(form: FormData, currency: string, param: string): number | undefined {
  const raw = str(form, "amount");
  if (raw === "") return undefined;
  try {
    return Number(fromDecimalString(raw, currency));
  } catch (error) {
    throw new KassaError("parameter_invalid", `Enter the amount in ${currency.toUpperCase()}, e.g. 12.50 (${(error as Error).message}).`, { param });
  }
}

// The payment page refetches through React Query (the client invalidates its key); lists re-read on visit.
function done<T>(result: ActionResult<T>, _id: string) {
  revalidatePath("/payments");
  return result;
}

export async function captureAction(_prev: ActionResult<null> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    const amount = minorUnits(form, str(form, "currency"), "amount_to_capture");
    await capturePayment({ ctx, id, input: amount !== undefined ? { amount_to_capture: amount } : {} });
    return null;
  });
  return done(result, id);
}

export async function cancelAction(_prev: ActionResult<null> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await cancelPayment({ ctx, id, input: { cancellation_reason: "requested_by_customer" } });
    return null;
  });
  return done(result, id);
}

export async function refundAction(_prev: ActionResult<{ refund: string; status: string }> | null, form: FormData) {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    const amount = minorUnits(form, str(form, "currency"), "amount");
    const reason = str(form, "reason");
    const refund = await createRefund({ ctx, input: { payment: id, ...(amount !== undefined ? { amount } : {}), ...(reason ? { reason } : {}) } });
    return { refund: refund.id, status: refund.status };
  });
  return done(result, id);
}
