import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { ChooseAmountForm } from "@/components/checkout/choose-amount-form";
import { findPaymentLink } from "@/lib/payment-links/load-payment-link";
import { currencyExponent, formatMoney } from "@/lib/money";
import { startWithAmountAction } from "./actions";

export const metadata = { title: "Pay", robots: { index: false } };

export default async function PaymentLinkAmountPage({ params }: { params: Promise<{ linkId: string }> }) {
  const { linkId } = await params;
  const found = await findPaymentLink(await getDb(), linkId);
  if (!found) notFound();
  const { link, merchantName } = found;
  if (!link.active) {
    return (
      <CheckoutCard merchantName={merchantName} description={link.description}>
        <Notice title="This payment link is no longer active">
          <p>Ask {merchantName} for a new link. Nothing was charged.</p>
        </Notice>
      </CheckoutCard>
    );
  }
  if (link.amount !== null) {
    return (
      <CheckoutCard merchantName={merchantName} description={link.description} amount={formatMoney(link.amount * BigInt(link.quantity), link.currency)}>
        <a className="block rounded-md bg-brand-700 px-4 py-3 text-center font-semibold text-white" href={`/l/${link.id}`}>
          Continue to payment
        </a>
      </CheckoutCard>
    );
  }
  return (
    <CheckoutCard merchantName={merchantName} description={link.description} testMode={!link.livemode}>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Choose an amount</h1>
      <ChooseAmountForm
        action={startWithAmountAction.bind(null, link.id)}
        currency={link.currency.toUpperCase()}
        step={currencyExponent(link.currency) === 0 ? "1" : (1 / 10 ** currencyExponent(link.currency)).toString()}
      />
    </CheckoutCard>
  );
}
