import { getDb } from "@/db/client";
import type { CheckoutCryptoToken } from "@/lib/checkout/crypto-amount";
import { CHECKOUT_CRYPTO_TOKENS, displayTokenAmount, tokenName, tokenSymbol, usdCentsToTokenUnits } from "@/lib/checkout/crypto-amount";
import { UPI_EXPIRED_MESSAGE, UPI_FAILED_MESSAGE } from "@/lib/checkout/check-checkout-upi";
import { offersCrypto } from "@/lib/checkout/checkout-methods";
import { checkoutMode } from "@/lib/checkout/checkout-mode";
import { withEmbed } from "@/lib/checkout/embed-url";
import { completeCheckoutSession } from "@/lib/checkout/complete-checkout-session";
import { embedOriginParam } from "@/lib/checkout/csp";
import { networkName, type CheckoutCryptoTransfer } from "@/lib/checkout/crypto-transfer-view";
import { declineMessage } from "@/lib/checkout/decline-messages";
import { loadCheckoutCrypto } from "@/lib/checkout/load-checkout-crypto";
import { checkoutContext, findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { formatMoney } from "@/lib/money";
import { walletConnector } from "@/lib/payments/connector";
import { getPayment } from "@/lib/payments/get-payment";
import { loadUpiSettings } from "@/lib/upi/settings";
import { maskVpa } from "@/lib/upi/vpa";

/**
 * The hosted checkout page as data: everything the page shows, worked out on the server (amounts formatted,
 * messages chosen, the QR encoded) so the browser gets only the components that draw it. Plain JSON: it
 * travels in the page's props.
 */

export interface CheckoutFrame {
  merchantName: string;
  description: string | null;
  amount: string;
  testMode: boolean;
}

/** Under the methods: close the embedded checkout, or back to the merchant's cancel_url. */
export type CheckoutCancel = { kind: "embed"; embedOrigin: string } | { kind: "link"; url: string; merchantName: string } | null;

export type CardPanel =
  | { kind: "unavailable"; message: string }
  | { kind: "stripe"; publishableKey: string; amount: number; currency: string; payLabel: string }
  | { kind: "sandbox"; payLabel: string; initialError: string | null };

export interface UpiWaitingView {
  flow: "intent" | "qr" | "collect";
  amount: string;
  merchantName: string;
  qrDataUrl: string | null;
  intentUrl: string | null;
  collectVpa: string | null;
  expiresAt: number;
  sandboxAppUrl: string | null;
  pageUrl: string;
}

interface Common {
  sessionId: string;
  frame: CheckoutFrame;
  embedOrigin: string | null;
  /** This page again, keeping the embed. */
  pageUrl: string;
}

export type CheckoutPageView =
  | { kind: "not_found" }
  | (Common & { kind: "embed_refused" })
  | (Common & { kind: "complete"; paidWith: { text: string; testId: string | null } | null; paymentId: string | null; successUrl: string | null })
  | (Common & { kind: "expired" })
  | (Common & { kind: "upi_waiting"; waiting: UpiWaitingView; cancel: CheckoutCancel })
  | (Common & { kind: "processing" })
  | (Common & { kind: "paypal_waiting"; approvalUrl: string; cancelPayPalUrl: string })
  | (Common & { kind: "bank_redirect"; url: string })
  | (Common & { kind: "no_method"; message: string; cancel: CheckoutCancel })
  | (Common & {
      kind: "choose";
      card: CardPanel | null;
      upi: { livemode: boolean; payLabel: string; collectEnabled: boolean } | null;
      crypto: {
        livemode: boolean;
        tokens: { id: CheckoutCryptoToken; symbol: string; name: string; amount: string }[];
        waiting: CheckoutCryptoTransfer | null;
      } | null;
      paypal: { initialError: string | null } | null;
      initialTab: "card" | "upi" | "crypto";
      upiEnded: { kind: "failed" | "expired"; message: string } | null;
      cancel: CheckoutCancel;
    });

export async function loadCheckoutPageView({
  sessionId,
  embedOriginParam: rawEmbed,
}: {
  sessionId: string;
  embedOriginParam: string | undefined;
}): Promise<CheckoutPageView> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) return { kind: "not_found" };
  const { merchantName } = found;
  let session = found.session;
  const ctx = checkoutContext(session);
  const amount = formatMoney(session.amount, session.currency);
  const frame: CheckoutFrame = { merchantName, description: session.description ?? null, amount, testMode: !session.livemode };
  const embedOrigin = embedOriginParam(rawEmbed);
  const common = (): Common => ({ sessionId: session.id, frame, embedOrigin, pageUrl: withEmbed(`/pay/${session.id}`, embedOrigin) });
  if (rawEmbed !== undefined && (!embedOrigin || !session.embedOrigins.includes(embedOrigin))) return { ...common(), embedOrigin: null, kind: "embed_refused" };

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
    const d = payment?.payment_method_details;
    const paidWith =
      d?.type === "card"
        ? { text: `Paid with ${d.card.brand} ending in ${d.card.last4}.`, testId: null }
        : d?.type === "upi"
          ? { text: `Paid by UPI${d.upi.rrn ? ` (reference ${d.upi.rrn})` : ""}.`, testId: null }
          : d?.type === "paypal"
            ? { text: `Paid with PayPal${d.paypal.payer_email ? ` (${d.paypal.payer_email})` : ""}.`, testId: null }
            : d?.type === "crypto"
              ? {
                  text: `Paid with ${displayTokenAmount(BigInt(d.crypto.amount_received), d.crypto.token)} ${tokenSymbol(d.crypto.token)} on ${networkName(d.crypto.chain_id)}.`,
                  testId: "checkout-paid-crypto",
                }
              : null;
    const successUrl = session.successUrl?.replaceAll("{CHECKOUT_SESSION_ID}", session.id) ?? null;
    return { ...common(), kind: "complete", paidWith, paymentId: payment?.id ?? null, successUrl };
  }
  if (session.status === "expired" || session.expiresAt.getTime() <= Date.now()) return { ...common(), kind: "expired" };

  const page = common();
  const cancel: CheckoutCancel = embedOrigin
    ? { kind: "embed", embedOrigin }
    : session.cancelUrl
      ? { kind: "link", url: session.cancelUrl, merchantName }
      : null;
  const upi = payment?.payment_method === "upi" && payment.payment_method_details?.type === "upi" ? payment.payment_method_details.upi : null;
  if (payment && upi && (payment.status === "requires_action" || payment.status === "processing")) {
    const next = payment.next_action;
    const waiting: UpiWaitingView = {
      flow: upi.flow,
      amount,
      merchantName,
      qrDataUrl: next?.type === "upi_intent" && next.qr_svg ? `data:image/svg+xml;base64,${Buffer.from(next.qr_svg).toString("base64")}` : null,
      intentUrl: next?.type === "upi_intent" ? next.intent_url : null,
      collectVpa: maskVpa(next?.type === "upi_collect_pending" ? next.vpa : upi.vpa),
      expiresAt: next?.type === "upi_intent" || next?.type === "upi_collect_pending" ? next.expires_at : upi.expires_at,
      sandboxAppUrl: !session.livemode && upi.psp_reference ? `/sandbox/upi/${upi.psp_reference}` : null,
      pageUrl: page.pageUrl,
    };
    return { ...page, kind: "upi_waiting", waiting, cancel };
  }
  if (payment?.status === "processing") return { ...page, kind: "processing" };
  if (payment?.status === "requires_action" && payment.payment_method === "paypal" && payment.next_action?.type === "redirect_to_url") {
    // Back without finishing on PayPal (or a reload): continue there, or give up and choose again.
    return {
      ...page,
      kind: "paypal_waiting",
      approvalUrl: payment.next_action.redirect_to_url.url,
      cancelPayPalUrl: withEmbed(`/pay/${session.id}/paypal-return?kassa_paypal=canceled`, embedOrigin),
    };
  }
  if (payment?.status === "requires_action" && payment.next_action?.type === "redirect_to_url") {
    return { ...page, kind: "bank_redirect", url: withEmbed(payment.next_action.redirect_to_url.url, embedOrigin) };
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
    const message = `${
      session.paymentMethodTypes.includes("crypto") ? "Crypto takes payments in US dollars only" : "UPI takes payments in Indian rupees only"
    }, and this payment is in ${session.currency.toUpperCase()}. Nothing was charged.`;
    return { ...page, kind: "no_method", message, cancel };
  }

  const payLabel = `Pay ${amount}`;
  const card: CardPanel | null = !offersCard
    ? null
    : mode.kind === "unavailable"
      ? { kind: "unavailable", message: mode.message }
      : mode.kind === "stripe"
        ? { kind: "stripe", publishableKey: mode.publishableKey, amount: Number(session.amount), currency: session.currency, payLabel }
        : { kind: "sandbox", payLabel, initialError: lastError };
  const upiPanel = offersUpi
    ? { livemode: session.livemode, payLabel: `Pay ${amount} with UPI`, collectEnabled: (await loadUpiSettings(await getDb(), ctx)).collectEnabled }
    : null;
  const cryptoPanel = offersCryptoTab
    ? {
        livemode: session.livemode,
        tokens: CHECKOUT_CRYPTO_TOKENS.map((t) => ({
          id: t,
          symbol: tokenSymbol(t),
          name: tokenName(t),
          amount: displayTokenAmount(usdCentsToTokenUnits(session.amount, t), t),
        })),
        waiting: crypto.waiting,
      }
    : null;
  const first = card ? "card" : upiPanel ? "upi" : "crypto";
  return {
    ...page,
    kind: "choose",
    card,
    upi: upiPanel,
    crypto: cryptoPanel,
    paypal: offersPayPal ? { initialError: paypalError } : null,
    initialTab: upiEnded && upiPanel ? "upi" : crypto.waiting && cryptoPanel ? "crypto" : first,
    upiEnded: upiEnded ? { kind: upiEnded, message: upiEnded === "expired" ? UPI_EXPIRED_MESSAGE : UPI_FAILED_MESSAGE } : null,
    cancel,
  };
}
