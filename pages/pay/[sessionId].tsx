import type { GetServerSideProps } from "next";
import Head from "next/head";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import type { CheckoutTab } from "@/components/checkout/checkout-tabs";
import type { WalletStateAnswer } from "@/components/checkout/paypal-button";
import { CheckoutTabs, CryptoPay, PayPalButton, StripeCheckout, UpiPayForm, UpiResult, UpiWaiting } from "@/components/checkout/lazy-methods";
import { SandboxCardForm } from "@/components/checkout/sandbox-card-form";
import { CancelEmbedButton, SuccessEffects } from "@/components/checkout/success-view";
import { checkoutCall } from "@/lib/checkout/checkout-page-client";
import { loadCheckoutPageView, type CheckoutCancel, type CheckoutPageView } from "@/lib/checkout/checkout-page-view";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";

/**
 * The hosted (and embedded) checkout. A Pages Router page, the app's only one: the server works out what to show
 * (lib/checkout/checkout-page-view.ts) and the page draws it; the forms post to /api/checkout/:session/:action.
 */
export const getServerSideProps: GetServerSideProps<{ view: CheckoutPageView }, { sessionId: string }> = async ({ params, query, res }) => {
  const raw = query.embed_origin;
  const view = await loadCheckoutPageView({ sessionId: params!.sessionId, embedOriginParam: Array.isArray(raw) ? raw[0] : raw });
  if (view.kind === "not_found") res.statusCode = 404;
  res.setHeader("Cache-Control", "private, no-store");
  return { props: { view } };
};

const link = "font-medium text-brand-700 underline";
const quiet = "text-sm font-medium text-slate-700 underline hover:text-slate-900";
const hint = "mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700";
const heading = "mb-4 text-lg font-semibold text-slate-900";

export default function PayPage({ view }: { view: CheckoutPageView }) {
  return (
    <>
      <Head>
        <title>Pay · Kassa</title>
        <meta name="robots" content="noindex" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <main className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center px-4 py-8 sm:py-12">
        {view.kind === "not_found" ? (
          <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <Notice title="This checkout link is not valid">
              <p>There is no payment page at this address. Check the link, or ask the business for a new one. Nothing was charged.</p>
            </Notice>
          </div>
        ) : (
          <CheckoutCard {...view.frame}>
            <Body view={view} />
          </CheckoutCard>
        )}
      </main>
    </>
  );
}

function Body({ view }: { view: Exclude<CheckoutPageView, { kind: "not_found" }> }) {
  const { sessionId, embedOrigin, pageUrl, frame } = view;
  const call = <T,>(action: string, body: Record<string, unknown> = {}) => checkoutCall<T>(sessionId, action, body);
  const step = (action: string, body: Record<string, unknown> = {}) => call<CheckoutStep>(action, { embed_origin: embedOrigin, ...body });
  const paypalButton = (extra: { waitingUrl?: string; initialError?: string | null }) => (
    <PayPalButton
      pay={() => step("paypal")}
      state={async () => {
        const answer = await call<WalletStateAnswer>("paypal_state");
        return "ok" in answer ? { state: "failed" as const, message: answer.message } : answer;
      }}
      pageUrl={pageUrl}
      embedded={embedOrigin !== null}
      {...extra}
    />
  );

  switch (view.kind) {
    case "embed_refused":
      return (
        <Notice title="This checkout can't be shown on this site">
          <p>{frame.merchantName} has not allowed this website to show its checkout. Nothing was charged.</p>
        </Notice>
      );
    case "complete":
      return (
        <>
          <Notice title="Payment successful">
            <p data-testid="checkout-success">{`Thank you. ${frame.merchantName} has received your payment of ${frame.amount}.`}</p>
            {view.paidWith ? <p data-testid={view.paidWith.testId ?? undefined}>{view.paidWith.text}</p> : null}
            {view.paymentId ? <p className="font-mono text-xs text-slate-600">Reference {view.paymentId}</p> : null}
            {view.successUrl && !embedOrigin ? (
              <p>
                <a className={link} href={view.successUrl}>
                  Return to {frame.merchantName}
                </a>
              </p>
            ) : null}
          </Notice>
          <SuccessEffects sessionId={sessionId} paymentId={view.paymentId} embedOrigin={embedOrigin} successUrl={view.successUrl} />
        </>
      );
    case "expired":
      return (
        <Notice title="This checkout has expired">
          <p>Nothing was charged. Ask {frame.merchantName} for a new payment link.</p>
        </Notice>
      );
    case "upi_waiting":
      return (
        <>
          <UpiWaiting {...view.waiting} refresh={() => call("upi_status")} />
          <Footer sessionId={sessionId} cancel={view.cancel} />
        </>
      );
    case "processing":
      return (
        <Notice title="Your payment is processing">
          <p>
            This can take a moment.{" "}
            <a className={link} href={pageUrl}>
              Check again
            </a>
            .
          </p>
        </Notice>
      );
    case "paypal_waiting":
      return (
        <>
          {embedOrigin ? (
            paypalButton({ waitingUrl: view.approvalUrl })
          ) : (
            <Notice title="Finish paying with PayPal">
              <p>PayPal is waiting for you to approve this payment.</p>
              <p>
                <a className={link} href={view.approvalUrl}>
                  Continue to PayPal
                </a>
              </p>
            </Notice>
          )}
          <div className="mt-5 text-center">
            <a className={quiet} href={view.cancelPayPalUrl}>
              Cancel PayPal and choose another way to pay
            </a>
          </div>
        </>
      );
    case "bank_redirect":
      return (
        <Notice title="Confirm this payment with your bank">
          <p>Your bank asked you to confirm this payment.</p>
          <p>
            <a className={link} href={view.url}>
              Continue to authentication
            </a>
          </p>
        </Notice>
      );
    case "no_method":
      return (
        <>
          <Notice title="This payment method is not available here">
            <p>{view.message}</p>
          </Notice>
          <Footer sessionId={sessionId} cancel={view.cancel} />
        </>
      );
    case "choose": {
      const { card, upi, crypto } = view;
      const cardPanel = !card ? null : card.kind === "unavailable" ? (
        <Notice title="Card payments are not available">
          <p>{card.message}</p>
        </Notice>
      ) : (
        <>
          <h1 className={heading}>Pay with card</h1>
          {card.kind === "stripe" ? (
            <StripeCheckout
              publishableKey={card.publishableKey}
              amount={card.amount}
              currency={card.currency}
              payLabel={card.payLabel}
              pay={(paymentMethod: string) => step("payment_method", { payment_method: paymentMethod })}
              refresh={() => step("refresh")}
            />
          ) : (
            <>
              <p className={hint}>Test mode: use card 4242 4242 4242 4242, any future expiry date and any CVC.</p>
              <SandboxCardForm
                action={(form: FormData) => step("card", { number: field(form, "number"), expiry: field(form, "expiry"), cvc: field(form, "cvc") })}
                payLabel={card.payLabel}
                initialError={card.initialError}
              />
            </>
          )}
        </>
      );
      const upiPanel = !upi ? null : (
        <>
          <h1 className={heading}>Pay with UPI</h1>
          {!upi.livemode ? <p className={hint}>Test mode: after Pay, approve or decline in the sandbox UPI app linked on the next screen.</p> : null}
          <UpiPayForm
            action={(form: FormData) => call("upi", { embed_origin: embedOrigin, flow: field(form, "flow"), vpa: field(form, "vpa") })}
            payLabel={upi.payLabel}
            collectEnabled={upi.collectEnabled}
          />
        </>
      );
      const cryptoPanel = !crypto ? null : (
        <>
          <h1 className={heading}>Pay with crypto</h1>
          {!crypto.livemode ? <p className={hint}>Test mode: send test tokens on the test chain. No real funds move.</p> : null}
          <CryptoPay
            tokens={crypto.tokens}
            initial={crypto.waiting}
            merchantName={frame.merchantName}
            pageUrl={pageUrl}
            choose={(token: string) => call("crypto", { token })}
            refresh={(payment: string) => call("crypto_status", { payment })}
          />
        </>
      );
      const tabs: CheckoutTab[] = [
        ...(cardPanel ? [{ id: "card" as const, label: "Card", panel: cardPanel }] : []),
        ...(upiPanel ? [{ id: "upi" as const, label: "UPI", panel: upiPanel }] : []),
        ...(cryptoPanel ? [{ id: "crypto" as const, label: "Crypto", panel: cryptoPanel }] : []),
      ];
      const others = tabs.length > 1 ? <CheckoutTabs initial={view.initialTab} tabs={tabs} /> : (tabs[0]?.panel ?? null);
      const paypal = view.paypal ? paypalButton({ initialError: view.paypal.initialError }) : null;
      const methods = !paypal ? (
        others
      ) : !others ? (
        paypal
      ) : (
        <>
          {paypal}
          <p className="my-5 flex items-center gap-3 text-xs font-medium uppercase tracking-wide text-slate-600 before:h-px before:flex-1 before:bg-slate-200 after:h-px after:flex-1 after:bg-slate-200">
            or
          </p>
          {others}
        </>
      );
      return (
        <>
          {view.upiEnded ? (
            <UpiResult kind={view.upiEnded.kind} message={view.upiEnded.message}>
              {methods}
            </UpiResult>
          ) : (
            methods
          )}
          <Footer sessionId={sessionId} cancel={view.cancel} />
        </>
      );
    }
  }
}

/** A form field as the server takes it: absent fields are left out, never sent as "null". */
function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function Footer({ sessionId, cancel }: { sessionId: string; cancel: CheckoutCancel }) {
  if (!cancel) return null;
  return (
    <div className="mt-5 text-center">
      {cancel.kind === "embed" ? (
        <CancelEmbedButton sessionId={sessionId} embedOrigin={cancel.embedOrigin} />
      ) : (
        <a className={quiet} href={cancel.url}>
          Cancel and return to {cancel.merchantName}
        </a>
      )}
    </div>
  );
}
