"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { cancelSubscription } from "@/lib/subscriptions/cancel-subscription";
import { createSubscription } from "@/lib/subscriptions/create-subscription";
import { pauseSubscription } from "@/lib/subscriptions/pause-subscription";
import { resumeSubscription } from "@/lib/subscriptions/resume-subscription";
import { updateSubscription } from "@/lib/subscriptions/update-subscription";

const str = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
/** A whole number typed in a field, or undefined when left empty; anything else goes to the verb to refuse. */
const int = (form: FormData, key: string) => (str(form, key) === "" ? undefined : Number(str(form, key)));

export interface NewSubscription {
  id: string;
  status: string;
  status_reason: { code: string; message: string; decline_code?: string | null } | null;
}

/** The verbs' codes said for the form's fields; the code itself is shown beside it. */
function clearer(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const { code, param = "" } = result;
  if (code === "resource_missing" && param === "customer") return "That customer does not exist in this mode (it may have been deleted). Pick another.";
  if (code === "resource_missing" && param.includes("price")) return "That price does not exist in this mode. Pick another.";
  if (code === "price_inactive") return "That price is archived: unarchive it on its product's page, or pick another.";
  if (code === "price_not_recurring") return "That is a one-off price; a subscription needs a recurring price.";
  if (param.endsWith("[quantity]")) return "Quantity must be a whole number from 1 to 10,000.";
  if (param === "trial_period_days") return "Trial days must be a whole number from 1 to 730, or empty for no trial.";
  if (code === "parameter_missing" && param === "customer") return "Choose a customer.";
  if (code === "parameter_missing" && param.includes("price")) return "Choose a price.";
  return result.error;
}

/** Subscribes a customer to one recurring price; an `incomplete` result (no card, a decline) is shown with its reason. */
export async function createSubscriptionAction(_prev: ActionResult<NewSubscription> | null, form: FormData): Promise<ActionResult<NewSubscription>> {
  const result = await memberAction(async ({ ctx }) => {
    const quantity = int(form, "quantity");
    const trial = int(form, "trial_period_days");
    const sub = await createSubscription({
      ctx,
      input: {
        customer: str(form, "customer"),
        items: [{ price: str(form, "price"), ...(quantity !== undefined ? { quantity } : {}) }],
        ...(trial !== undefined ? { trial_period_days: trial } : {}),
      },
    });
    return { id: sub.id, status: sub.status, status_reason: sub.status_reason };
  }, "create subscription");
  if (!result.ok) return { ...result, error: clearer(result) };
  revalidatePath("/subscriptions");
  return result;
}

function revalidate(id: string) {
  revalidatePath(`/subscriptions/${id}`);
  revalidatePath("/subscriptions");
}

/** Cancel at the end of the period, or undo that. */
export async function setCancelAtPeriodEndAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await updateSubscription({ ctx, id, input: { cancel_at_period_end: str(form, "cancel_at_period_end") === "true" } });
    return null;
  }, "cancel at period end");
  if (result.ok) revalidate(id);
  return result;
}

/** End it now; with `prorate` the unused rest of the paid period is credited to the customer's balance. */
export async function cancelNowAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await cancelSubscription({ ctx, id, input: { prorate: form.get("prorate") === "on" } });
    return null;
  }, "cancel subscription");
  if (result.ok) revalidate(id);
  return result;
}

export async function pauseAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await pauseSubscription({ ctx, id });
    return null;
  }, "pause subscription");
  if (result.ok) revalidate(id);
  return result;
}

export async function resumeAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const id = str(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    await resumeSubscription({ ctx, id });
    return null;
  }, "resume subscription");
  if (result.ok) revalidate(id);
  return result;
}
