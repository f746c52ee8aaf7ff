import { redirect } from "next/navigation";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { returnFromPayPal } from "@/lib/checkout/return-from-paypal";
import { withEmbed } from "@/lib/checkout/embed-url";
import { embedOriginParam } from "@/lib/checkout/csp";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "PayPal", robots: { index: false } };

/**
 * PayPal (or the sandbox's simulated approval page) sends the payer back here: Kassa asks PayPal to pay what
 * the payer approved (or records the cancel), then shows the checkout page. A page, not a route handler, so
 * the sandbox page's server action can navigate here like any page. An embedded checkout's PayPal window
 * (`popup=1`) just says it is done; the checkout, which watches the payment, closes it.
 */
export default async function PayPalReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ kassa_paypal?: string; popup?: string; embed_origin?: string }>;
}) {
  const { sessionId } = await params;
  const { kassa_paypal, popup, embed_origin } = await searchParams;
  try {
    await returnFromPayPal({ sessionId, canceled: kassa_paypal === "canceled" });
  } catch (error) {
    // An unknown session, or a payment another tab already moved on: the checkout page says where it stands.
    if (!(error instanceof KassaError)) throw error;
  }
  if (popup === "1") {
    return (
      <CheckoutCard merchantName="PayPal">
        <Notice title="You can close this window">
          <p>Return to the checkout to see your payment.</p>
        </Notice>
      </CheckoutCard>
    );
  }
  redirect(withEmbed(`/pay/${encodeURIComponent(sessionId)}`, embedOriginParam(embed_origin)));
}
