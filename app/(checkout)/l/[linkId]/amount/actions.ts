"use server";

import { redirect } from "next/navigation";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { startPaymentLinkCheckout } from "@/lib/payment-links/start-checkout";
import { KassaError } from "@/lib/service/errors";

/** A customer-chosen amount: start the link's checkout with it. */
export async function startWithAmountAction(linkId: string, _prev: { error: string } | null, form: FormData): Promise<{ error: string }> {
  let sessionId: string;
  try {
    ({ sessionId } = await startPaymentLinkCheckout({ linkId, chosenAmount: String(form.get("amount") ?? "").trim(), baseUrl: await requestBaseUrl() }));
  } catch (error) {
    if (error instanceof KassaError) return { error: error.message };
    throw error;
  }
  redirect(`/pay/${sessionId}`);
}
