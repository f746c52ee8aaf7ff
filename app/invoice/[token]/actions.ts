"use server";

import { redirect } from "next/navigation";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { settle } from "@/lib/http/core";
import { assertFromOwnPage } from "@/lib/http/public-action";
import { startInvoiceCheckout } from "@/lib/invoices/start-invoice-checkout";

/** The hosted invoice's Pay button: a checkout session for what is left to pay (or the one already open), then the checkout page. */
export async function payInvoiceAction(token: string, _prev: { error: string } | null, _form: FormData): Promise<{ error: string }> {
  const settled = await settle({ caller: "public", route: "hosted invoice: pay" }, async () => {
    await assertFromOwnPage();
    return startInvoiceCheckout({ token, baseUrl: await requestBaseUrl() });
  });
  if (!settled.ok) {
    const { code, message } = settled.error;
    return {
      error:
        code === "api_error"
          ? `Something went wrong on our side. Nothing was charged; try again. If it keeps happening, quote ${settled.requestId}.`
          : code === "resource_missing"
            ? "This invoice can no longer be found."
            : message,
    };
  }
  redirect(`/pay/${settled.value.sessionId}`);
}
