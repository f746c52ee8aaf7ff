import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { SandboxCardForm } from "@/components/checkout/sandbox-card-form";
import { CryptoPay, PayPalButton, StripeCheckout, UpiPayForm, UpiWaiting } from "@/components/checkout/lazy-methods";
import { CancelEmbedButton, SuccessEffects } from "@/components/checkout/success-view";
import { CheckoutTabs, type CheckoutTab } from "@/components/checkout/checkout-tabs";
import { UpiResult } from "@/components/checkout/upi-result";
import { UPI_EXPIRED_MESSAGE, UPI_FAILED_MESSAGE } from "@/lib/checkout/check-checkout-upi";
import { offersCrypto } from "@/lib/checkout/checkout-methods";
import { checkoutMode } from "@/lib/checkout/checkout-mode";
import { CHECKOUT_CRYPTO_TOKENS, displayTokenAmount, tokenName, tokenSymbol, usdCentsToTokenUnits } from "@/lib/checkout/crypto-amount";
import { networkName } from "@/lib/checkout/crypto-transfer-view";
import { loadCheckoutCrypto } from "@/lib/checkout/load-checkout-crypto";
import { withEmbed } from "@/lib/checkout/checkout-urls";
import { declineMessage } from "@/lib/checkout/decline-messages";
import { completeCheckoutSession } from "@/lib/checkout/complete-checkout-session";
import { embedOriginParam } from "@/lib/checkout/csp";
import { checkoutContext, findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { formatMoney } from "@/lib/money";
import { getPayment } from "@/lib/payments/get-payment";
import { loadUpiSettings } from "@/lib/upi/settings";
import { maskVpa } from "@/lib/upi/vpa";
import { walletConnector } from "@/lib/payments/connector";
import { payWithCardAction, payWithPaymentMethodAction, payWithPayPalAction, paypalStateAction, refreshAction } from "./actions";
import { payWithUpiAction, upiStatusAction } from "./upi-actions";
import { cryptoStatusAction, payWithCryptoAction } from "./crypto-actions";

export const metadata = { title: "Pay", robots: { index: false } };

export default async function PayPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ embed_origin?: string }> }) {
  const { sessionId } = await params;
  const { embed_origin } = await searchParams;
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) notFound();
  const { merchantName } = found;
  let session = found.session;
  const ctx = checkoutContext(session);
  const amount = formatMoney(session.amount, session.currency);
  const frame = (children: React.ReactNode) => (
    <CheckoutCard merchantName={merchantName} description={session.description} amount={amount} testMode={!session.livemode}>
      {children}
    </CheckoutCard>
  );

  const embedOrigin = embedOriginParam(embed_origin);
  if (embed_origin !== undefined && (!embedOrigin || !session.embedOrigins.includes(embedOrigin))) {
    return frame(
      <Notice title="This checkout can't be shown on this site">
        <p>{merchantName} has not allowed this website to show its checkout. Nothing was charged.</p>
      </Notice>,
    );
  }

  let payment = session.paymentId ? await getPayment({ ctx, id: session.paymentId }) : null;
  if (session.status === "open" && payment && (payment.status === "succeeded" || payment.status === "requires_capture")) {
    session = await completeCheckoutSession({ ctx, id: session.id });
  }
  // A crypto payment the chain paid completes the session (and becomes its payment); one still waiting is shown again.
  const crypto = await loadCheckoutCrypto(session);
  if (crypto.session !== session) {
    session = crypto.session;
    payment = session.paymentId ? await getPayment({ ctx, id: session.paymentId }) : null;
  }

  if (session.status === "complete") {
    const successUrl = session.successUrl?.replaceAll("{CHECKOUT_SESSION_ID}", session.id) ?? null;
    return frame(
      <>
        <Notice title="Payment successful">
          <p data-testid="checkout-success">
            Thank you. {merchantName} has received your payment of {amount}.
          </p>
          {payment?.payment_method_details?.type === "card" ? (
            <p>
              Paid with {payment.payment_method_details.card.brand} ending in {payment.payment_method_details.card.last4}.
            </p>
          ) : payment?.payment_method_details?.type === "upi" ? (
            <p>Paid by UPI{payment.payment_method_details.upi.rrn ? ` (reference ${payment.payment_method_details.upi.rrn})` : ""}.</p>
          ) : payment?.payment_method_details?.type === "paypal" ? (
            <p>Paid with PayPal{payment.payment_method_details.paypal.payer_email ? ` (${payment.payment_method_details.paypal.payer_email})` : ""}.</p>
          ) : payment?.payment_method_details?.type === "crypto" ? (
            <p data-testid="checkout-paid-crypto">
              Paid with {displayTokenAmount(BigInt(payment.payment_method_details.crypto.amount_received), payment.payment_method_details.crypto.token)}{" "}
              {tokenSymbol(payment.payment_method_details.crypto.token)} on {networkName(payment.payment_method_details.crypto.chain_id)}.
            </p>
          ) : null}
          {payment ? <p className="font-mono text-xs text-slate-600">Reference {payment.id}</p> : null}
          {successUrl && !embedOrigin ? (
            <p>
              <a className="font-medium text-brand-700 underline" href={successUrl}>
                Return to {merchantName}
              </a>
            </p>
          ) : null}
        </Notice>
        <SuccessEffects sessionId={session.id} paymentId={session.paymentId} embedOrigin={embedOrigin} successUrl={successUrl} />
      </>,
    );
  }
  if (session.status === "expired" || session.expiresAt.getTime() <= Date.now()) {
    return frame(
      <Notice title="This checkout has expired">
        <p>Nothing was charged. Ask {merchantName} for a new payment link.</p>
      </Notice>,
    );
  }

  const cancel = embedOrigin ? (
    <CancelEmbedButton sessionId={session.id} embedOrigin={embedOrigin} />
  ) : session.cancelUrl ? (
    <a className="text-sm font-medium text-slate-700 underline hover:text-slate-900" href={session.cancelUrl}>
      Cancel and return to {merchantName}
    </a>
  ) : null;
  const footer = cancel ? <div className="mt-5 text-center">{cancel}</div> : null;

  const upi = payment?.payment_method === "upi" && payment.payment_method_details?.type === "upi" ? payment.payment_method_details.upi : null;
  if (payment && upi && (payment.status === "requires_action" || payment.status === "processing")) {
    const next = payment.next_action;
    return frame(
      <>
        <UpiWaiting
          flow={upi.flow}
          amount={amount}
          merchantName={merchantName}
          qrDataUrl={next?.type === "upi_intent" && next.qr_svg ? `data:image/svg+xml;base64,${Buffer.from(next.qr_svg).toString("base64")}` : null}
          intentUrl={next?.type === "upi_intent" ? next.intent_url : null}
          collectVpa={maskVpa(next?.type === "upi_collect_pending" ? next.vpa : upi.vpa)}
          expiresAt={next?.type === "upi_intent" || next?.type === "upi_collect_pending" ? next.expires_at : upi.expires_at}
          sandboxAppUrl={!session.livemode && upi.psp_reference ? `/sandbox/upi/${upi.psp_reference}` : null}
          pageUrl={withEmbed(`/pay/${session.id}`, embedOrigin)}
          refresh={upiStatusAction.bind(null, session.id)}
        />
        {footer}
      </>,
    );
  }
  if (payment?.status === "processing") {
    return frame(
      <>
        <Notice title="Your payment is processing">
          <p>
            This can take a moment.{" "}
            <a className="font-medium text-brand-700 underline" href={withEmbed(`/pay/${session.id}`, embedOrigin)}>
              Check again
            </a>
            .
          </p>
        </Notice>
      </>,
    );
  }
  const paypalReturn = `/pay/${session.id}/paypal-return`;
  if (payment?.status === "requires_action" && payment.payment_method === "paypal" && payment.next_action?.type === "redirect_to_url") {
    // Back without finishing on PayPal (or a reload): continue there, or give up and choose again.
    const approvalUrl = payment.next_action.redirect_to_url.url;
    const cancelPayPal = (
      <a className="text-sm font-medium text-slate-700 underline hover:text-slate-900" href={withEmbed(`${paypalReturn}?kassa_paypal=canceled`, embedOrigin)}>
        Cancel PayPal and choose another way to pay
      </a>
    );
    return frame(
      <>
        {embedOrigin ? (
          <PayPalButton
            pay={payWithPayPalAction.bind(null, session.id, embedOrigin)}
            state={paypalStateAction.bind(null, session.id)}
            pageUrl={withEmbed(`/pay/${session.id}`, embedOrigin)}
            embedded
            waitingUrl={approvalUrl}
          />
        ) : (
          <Notice title="Finish paying with PayPal">
            <p>PayPal is waiting for you to approve this payment.</p>
            <p>
              <a className="font-medium text-brand-700 underline" href={approvalUrl}>
                Continue to PayPal
              </a>
            </p>
          </Notice>
        )}
        <div className="mt-5 text-center">{cancelPayPal}</div>
      </>,
    );
  }
  if (payment?.status === "requires_action" && payment.next_action?.type === "redirect_to_url") {
    return frame(
      <Notice title="Confirm this payment with your bank">
        <p>Your bank asked you to confirm this payment.</p>
        <p>
          <a className="font-medium text-brand-700 underline" href={withEmbed(payment.next_action.redirect_to_url.url, embedOrigin)}>
            Continue to authentication
          </a>
        </p>
      </Notice>,
    );
  }

  const upiEnded = payment?.status === "requires_payment_method" && upi && (upi.status === "failed" || upi.status === "expired") ? upi.status : null;
  const e = payment?.status === "requires_payment_method" && !upi ? payment.last_payment_error : null;
  const declined = e ? declineMessage(e.code, e.decline_code, e.message) : null;
  // The last try's error shows by the method it was made with: PayPal's by the PayPal button, a card's in the card form.
  const paypalError = payment?.payment_method === "paypal" ? declined : null;
  const lastError = payment?.payment_method === "paypal" ? null : declined;
  const mode = checkoutMode(session, payment?.connector ?? null);
  const offersCard = session.paymentMethodTypes.includes("card");
  // UPI takes INR only and captures at once: session creation refuses anything else, older sessions included here.
  const offersUpi = session.paymentMethodTypes.includes("upi") && session.currency === "inr" && session.captureMethod === "automatic";
  const offersPayPal = session.paymentMethodTypes.includes("paypal") && walletConnector(session) !== null;
  const offersCryptoTab = offersCrypto(session);
  if (!offersCard && !offersUpi && !offersPayPal && !offersCryptoTab) {
    return frame(
      <>
        <Notice title="This payment method is not available here">
          <p>
            {session.paymentMethodTypes.includes("crypto") ? "Crypto takes payments in US dollars only" : "UPI takes payments in Indian rupees only"}, and this
            payment is in {session.currency.toUpperCase()}. Nothing was charged.
          </p>
        </Notice>
        {footer}
      </>,
    );
  }

  const cardPanel = !offersCard ? null : mode.kind === "unavailable" ? (
    <Notice title="Card payments are not available">
      <p>{mode.message}</p>
    </Notice>
  ) : mode.kind === "stripe" ? (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Pay with card</h1>
      <StripeCheckout
        publishableKey={mode.publishableKey}
        amount={Number(session.amount)}
        currency={session.currency}
        payLabel={`Pay ${amount}`}
        pay={payWithPaymentMethodAction.bind(null, session.id, embedOrigin)}
        refresh={refreshAction.bind(null, session.id, embedOrigin)}
      />
    </>
  ) : (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Pay with card</h1>
      <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
        Test mode: use card 4242 4242 4242 4242, any future expiry date and any CVC.
      </p>
      <SandboxCardForm action={payWithCardAction.bind(null, session.id, embedOrigin)} payLabel={`Pay ${amount}`} initialError={lastError} />
    </>
  );
  const upiPanel = !offersUpi ? null : (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Pay with UPI</h1>
      {!session.livemode ? (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">
          Test mode: after Pay, approve or decline in the sandbox UPI app linked on the next screen.
        </p>
      ) : null}
      <UpiPayForm
        action={payWithUpiAction.bind(null, session.id, embedOrigin)}
        payLabel={`Pay ${amount} with UPI`}
        collectEnabled={(await loadUpiSettings(await getDb(), ctx)).collectEnabled}
      />
    </>
  );
  const cryptoPanel = !offersCryptoTab ? null : (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Pay with crypto</h1>
      {!session.livemode ? (
        <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700">Test mode: send test tokens on the test chain. No real funds move.</p>
      ) : null}
      <CryptoPay
        tokens={CHECKOUT_CRYPTO_TOKENS.map((t) => ({
          id: t,
          symbol: tokenSymbol(t),
          name: tokenName(t),
          amount: displayTokenAmount(usdCentsToTokenUnits(session.amount, t), t),
        }))}
        initial={crypto.waiting}
        merchantName={merchantName}
        pageUrl={withEmbed(`/pay/${session.id}`, embedOrigin)}
        choose={payWithCryptoAction.bind(null, session.id)}
        refresh={cryptoStatusAction.bind(null, session.id)}
      />
    </>
  );
  const paypalButton = !offersPayPal ? null : (
    <PayPalButton
      pay={payWithPayPalAction.bind(null, session.id, embedOrigin)}
      state={paypalStateAction.bind(null, session.id)}
      pageUrl={withEmbed(`/pay/${session.id}`, embedOrigin)}
      embedded={embedOrigin !== null}
      initialError={paypalError}
    />
  );
  const tabs: CheckoutTab[] = [
    ...(cardPanel ? [{ id: "card" as const, label: "Card", panel: cardPanel }] : []),
    ...(upiPanel ? [{ id: "upi" as const, label: "UPI", panel: upiPanel }] : []),
    ...(cryptoPanel ? [{ id: "crypto" as const, label: "Crypto", panel: cryptoPanel }] : []),
  ];
  const others =
    tabs.length > 1 ? (
      <CheckoutTabs initial={upiEnded && upiPanel ? "upi" : crypto.waiting && cryptoPanel ? "crypto" : tabs[0]!.id} tabs={tabs} />
    ) : (
      (tabs[0]?.panel ?? null)
    );
  const methods = !paypalButton ? (
    others
  ) : !others ? (
    paypalButton
  ) : (
    <>
      {paypalButton}
      <p className="my-5 flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
        or
      </p>
      {others}
    </>
  );
  return frame(
    <>
      {upiEnded ? (
        <UpiResult kind={upiEnded} message={upiEnded === "expired" ? UPI_EXPIRED_MESSAGE : UPI_FAILED_MESSAGE}>
          {methods}
        </UpiResult>
      ) : (
        methods
      )}
      {footer}
    </>,
  );
}
