import { notFound } from "next/navigation";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { embedOriginParam } from "@/lib/checkout/csp";
import { findChallenge, type Challenge } from "@/lib/checkout/sandbox-challenge";
import { KassaError } from "@/lib/service/errors";
import { formatMoney } from "@/lib/money";
import { answerChallengeAction } from "./actions";

export const metadata = { title: "Confirm your payment", robots: { index: false } };

/** Stands in for the card issuer's 3D Secure page in test mode. */
export default async function SandboxChallengePage({
  params,
  searchParams,
}: {
  params: Promise<{ processorId: string }>;
  searchParams: Promise<{ embed_origin?: string }>;
}) {
  const { processorId } = await params;
  const { embed_origin } = await searchParams;
  let challenge: Challenge;
  try {
    challenge = await findChallenge(processorId);
  } catch (error) {
    if (error instanceof KassaError) notFound();
    throw error;
  }
  const { payment, session } = challenge;
  const embedOrigin = embedOriginParam(embed_origin);
  const amount = formatMoney(payment.amount, payment.currency);
  if (embed_origin !== undefined && (!embedOrigin || !session?.embedOrigins.includes(embedOrigin))) {
    return (
      <CheckoutCard merchantName="Test bank" amount={amount}>
        <Notice title="This page can't be shown on this site" />
      </CheckoutCard>
    );
  }
  if (payment.status !== "requires_action") {
    const ok = payment.status === "succeeded" || payment.status === "requires_capture";
    return (
      <CheckoutCard merchantName="Test bank" amount={amount} testMode>
        <Notice title={ok ? "Authentication complete" : "Authentication finished"}>
          <p data-testid="challenge-result">
            {ok
              ? "The payment was authenticated."
              : `The payment is ${payment.status.replaceAll("_", " ")}${payment.last_payment_error ? `: ${payment.last_payment_error.message}` : ""}.`}
          </p>
        </Notice>
      </CheckoutCard>
    );
  }
  const action = answerChallengeAction.bind(null, processorId, embedOrigin);
  return (
    <CheckoutCard merchantName="Test bank · 3D Secure" amount={amount} testMode>
      <h1 className="mb-2 text-lg font-semibold text-slate-900">Confirm this payment</h1>
      <p className="mb-5 text-sm text-slate-700">
        This is Kassa&apos;s test version of your bank&apos;s 3D Secure check
        {payment.payment_method_details?.type === "card"
          ? ` for the ${payment.payment_method_details.card.brand} card ending in ${payment.payment_method_details.card.last4}`
          : ""}
        . Choose how it ends.
      </p>
      <form action={action} className="grid gap-3">
        <button
          type="submit"
          name="outcome"
          value="succeed"
          className="rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-600"
        >
          Complete authentication
        </button>
        <button
          type="submit"
          name="outcome"
          value="fail"
          className="rounded-md bg-white px-4 py-3 text-base font-semibold text-red-800 ring-1 ring-red-300 hover:bg-red-50"
        >
          Fail authentication
        </button>
      </form>
    </CheckoutCard>
  );
}
