import { notFound } from "next/navigation";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { findChallenge, type Challenge } from "@/lib/checkout/sandbox-challenge";
import { SANDBOX_PAYPAL_BUYER } from "@/lib/gateways/sandbox/outcomes";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";
import { answerPayPalAction } from "./actions";

export const metadata = { title: "Pay with PayPal (sandbox)", robots: { index: false } };

/** Stands in for PayPal's approval page in test mode when PayPal is not configured: the sandbox buyer approves or cancels. */
export default async function SandboxPayPalPage({ params }: { params: Promise<{ processorId: string }> }) {
  const { processorId } = await params;
  let challenge: Challenge;
  try {
    challenge = await findChallenge(processorId, "paypal");
  } catch (error) {
    if (error instanceof KassaError) notFound();
    throw error;
  }
  const { payment } = challenge;
  const amount = formatMoney(payment.amount, payment.currency);
  if (payment.status !== "requires_action") {
    const ok = payment.status === "succeeded" || payment.status === "requires_capture";
    return (
      <CheckoutCard merchantName="PayPal (sandbox)" amount={amount} testMode>
        <Notice title={ok ? "Payment approved" : "This PayPal payment is finished"}>
          <p data-testid="paypal-result">
            {ok
              ? "You approved this payment. You can close this window."
              : `The payment is ${payment.status.replaceAll("_", " ")}${payment.last_payment_error ? `: ${payment.last_payment_error.message}` : ""}.`}
          </p>
        </Notice>
      </CheckoutCard>
    );
  }
  const action = answerPayPalAction.bind(null, processorId);
  return (
    <CheckoutCard merchantName="PayPal (sandbox)" amount={amount} testMode>
      <h1 className="mb-2 text-lg font-semibold text-slate-900">Pay with PayPal</h1>
      <p className="mb-5 text-sm text-slate-700">
        This is Kassa&apos;s test version of PayPal&apos;s approval page. You are signed in as the sandbox buyer{" "}
        <span className="font-medium">{SANDBOX_PAYPAL_BUYER.payerEmail}</span>. Nothing is charged for real.
      </p>
      <form action={action} className="grid gap-3">
        <button
          type="submit"
          name="outcome"
          value="approve"
          className="rounded-md bg-[#ffc439] px-4 py-3 text-base font-semibold text-slate-900 hover:bg-[#f2ba36]"
        >
          Approve and pay {amount}
        </button>
        <button
          type="submit"
          name="outcome"
          value="cancel"
          className="rounded-md bg-white px-4 py-3 text-base font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Cancel and return to the merchant
        </button>
      </form>
    </CheckoutCard>
  );
}
