"use server";

import { redirect } from "next/navigation";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { startPaymentLinkCheckout } from "@/lib/payment-links/start-checkout";
import { settle } from "@/lib/http/core";

/** A customer-chosen amount: start the link's checkout with it. */
export async function startWithAmountAction(linkId: string, _prev: { error: string } | null, form: FormData): Promise<{ error: string }> {
  const settled = await settle({ caller: "public", route: "checkout: link amount" }, async () =>
    startPaymentLinkCheckout({ linkId, chosenAmount: String(form.get("amount") ?? "").trim(), baseUrl: await requestBaseUrl() }),
  );
  if (!settled.ok)
    return {
      error:
        settled.error.code === "api_error"
          ? `Something went wrong on our side. Try again; if it keeps happening, quote ${settled.requestId}.`
          : settled.error.message,
    };
  redirect(`/pay/${settled.value.sessionId}`);
}
