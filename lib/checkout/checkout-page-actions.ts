import { z } from "zod";
import { getDb } from "@/db/client";
import { UPI_FLOWS } from "@/db/schema";
import { checkCheckoutCrypto, type CheckoutCryptoStatus } from "@/lib/checkout/check-checkout-crypto";
import { checkCheckoutUpi, type CheckoutUpiStatus } from "@/lib/checkout/check-checkout-upi";
import { requestBaseUrl } from "@/lib/checkout/checkout-urls";
import { withEmbed } from "@/lib/checkout/embed-url";
import { checkoutCryptoPayRateLimiter, checkoutCryptoStatusRateLimiter } from "@/lib/checkout/crypto-rate-limits";
import { findCheckoutSession } from "@/lib/checkout/load-checkout-session";
import { payCheckoutSession, refreshCheckoutSession, type PayResult } from "@/lib/checkout/pay-checkout-session";
import { walletState, type WalletState } from "@/lib/checkout/return-from-paypal";
import { tokenizeSandboxCard } from "@/lib/checkout/sandbox-card";
import { startCheckoutCrypto, type CheckoutCryptoStart } from "@/lib/checkout/start-checkout-crypto";
import type { CheckoutStep } from "@/lib/checkout/stripe-flow";
import type { RateLimiter } from "@/lib/rate-limit";
import { checkoutUpiPayRateLimiter, checkoutUpiStatusRateLimiter } from "@/lib/rate-limit/checkout-upi";
import { KassaError } from "@/lib/service/errors";
import { parseWith } from "@/lib/service/parse";

/**
 * What the hosted checkout page (pages/pay/[sessionId].tsx) asks of the server: each a POST to
 * /api/checkout/:session/:action from the page itself (the route checks Origin, Sec-Fetch-Site and a JSON
 * body). A payment outcome the customer must see (a decline) is an answer, `{ ok: false, code, message }`;
 * anything the request itself got wrong is thrown, and the request core maps it to its status and body.
 */

type UpiPayStep = { ok: true; url: string } | { ok: false; code: string; message: string; param: string | null };
type UpiStatusStep = { ok: true } & CheckoutUpiStatus;
type CryptoPayStep = { ok: true } & CheckoutCryptoStart;
type CryptoStatusStep = { ok: true } & CheckoutCryptoStatus;

const text = (max: number) => z.string().max(max);
const embed = { embed_origin: text(200).nullish() };
/** Each action's body: only the fields it reads, anything else refused by name (parameter_unknown). */
const BODIES = {
  card: z.strictObject({ ...embed, number: text(40), expiry: text(10), cvc: text(8) }),
  payment_method: z.strictObject({ ...embed, payment_method: z.string().regex(/^pm_[A-Za-z0-9_]{1,250}$/) }),
  paypal: z.strictObject(embed),
  paypal_state: z.strictObject({}),
  refresh: z.strictObject(embed),
  upi: z.strictObject({ ...embed, flow: z.enum(UPI_FLOWS), vpa: text(255).optional() }),
  upi_status: z.strictObject({}),
  crypto: z.strictObject({ token: text(20) }),
  crypto_status: z.strictObject({ payment: text(64) }),
} as const;
type CheckoutPageAction = keyof typeof BODIES;

export async function runCheckoutPageAction({
  action,
  sessionId,
  body,
  client,
}: {
  action: string;
  sessionId: string;
  body: unknown;
  /** Who is asking, for the rate limits: the client's IP as the adapter read it (lib/http/client-ip.ts). */
  client: string;
}): Promise<CheckoutStep | UpiPayStep | UpiStatusStep | CryptoPayStep | CryptoStatusStep | WalletState> {
  if (!Object.hasOwn(BODIES, action)) throw new KassaError("resource_missing", `The checkout page has no action ${JSON.stringify(action.slice(0, 40))}.`);
  const name = action as CheckoutPageAction;
  const b = parseWith(BODIES[name] as z.ZodType, body ?? {}) as Record<string, string | null | undefined>;
  const origin = b.embed_origin ?? null;
  switch (name) {
    case "card":
      return step(sessionId, origin, (returnUrl) =>
        // Only number, expiry and CVC: turned into a test payment method here, they go no further.
        payCheckoutSession({ sessionId, paymentMethod: tokenizeSandboxCard({ number: b.number!, expiry: b.expiry!, cvc: b.cvc! }), returnUrl }),
      );
    case "payment_method":
      // The Stripe path: a PaymentMethod id that Stripe.js made from the Payment Element.
      return step(sessionId, origin, (returnUrl) => payCheckoutSession({ sessionId, paymentMethod: b.payment_method!, returnUrl }));
    case "paypal": {
      // To PayPal's approval page (the sandbox's simulated one), which sends the customer back to paypal-return.
      // An embedded checkout opens it in its own window (PayPal's pages refuse to be framed) and polls paypal_state.
      const back = `/pay/${encodeURIComponent(sessionId)}/paypal-return${origin ? "?popup=1" : ""}`;
      return step(sessionId, origin, (returnUrl) => payCheckoutSession({ sessionId, paymentMethod: "paypal", returnUrl }), back);
    }
    case "paypal_state":
      return walletState({ sessionId });
    case "refresh":
      // After Stripe.js ran a 3DS challenge: Kassa asks Stripe what became of the payment.
      return step(sessionId, origin, () => refreshCheckoutSession({ sessionId }));
    case "upi":
      return payWithUpi(sessionId, origin, b.flow as (typeof UPI_FLOWS)[number], b.vpa?.trim() ?? "", client);
    case "upi_status":
      // The waiting page's refresh (every 2 s): the PSP asked now, the payment expired once its window passed.
      await limit(checkoutUpiStatusRateLimiter(), sessionId, client);
      return { ok: true, ...(await checkCheckoutUpi({ sessionId })) };
    case "crypto":
      // The crypto tab's token: the address, amount and QR to pay to (the same payment again on a second click).
      await limit(checkoutCryptoPayRateLimiter(), sessionId, client);
      return { ok: true, ...(await startCheckoutCrypto({ sessionId, token: b.token! })) };
    case "crypto_status":
      await limit(checkoutCryptoStatusRateLimiter(), sessionId, client);
      return { ok: true, ...(await checkCheckoutCrypto({ sessionId, paymentId: b.payment! })) };
  }
}

/** A window per client IP and session for the actions that ask a PSP or a chain. */
async function limit(limiter: RateLimiter, sessionId: string, client: string): Promise<void> {
  const limited = await limiter.limit(`${client}|${sessionId}`);
  if (!limited.success) {
    throw new KassaError("rate_limited", "Too many tries from this device. Wait a minute and try again.", {
      retryAfter: Math.max(1, Math.ceil((limited.reset - Date.now()) / 1000)),
    });
  }
}

/** The embed origin comes from the browser: only one registered for this session is kept. */
async function sessionPage(sessionId: string, embedOrigin: string | null): Promise<{ page: string; embed: string | null }> {
  const found = await findCheckoutSession(await getDb(), sessionId);
  if (!found) throw new KassaError("resource_missing", `No such checkout session: '${sessionId}'`, { param: "session" });
  const embed = embedOrigin && found.session.embedOrigins.includes(embedOrigin) ? embedOrigin : null;
  return { page: withEmbed(`/pay/${sessionId}`, embed), embed };
}

async function payWithUpi(sessionId: string, embedOrigin: string | null, flow: (typeof UPI_FLOWS)[number], vpa: string, client: string): Promise<UpiPayStep> {
  await limit(checkoutUpiPayRateLimiter(), sessionId, client);
  const { page } = await sessionPage(sessionId, embedOrigin);
  const result = await payCheckoutSession({ sessionId, upi: { flow, ...(flow === "collect" && vpa ? { vpa } : {}) } });
  if (result.status === "failed") return { ok: false, code: result.declineCode ?? result.code, message: result.message, param: null };
  return { ok: true, url: page };
}

async function step(sessionId: string, embedOrigin: string | null, run: (returnUrl: string) => Promise<PayResult>, returnPath?: string): Promise<CheckoutStep> {
  const { page, embed } = await sessionPage(sessionId, embedOrigin);
  const result = await run(`${await requestBaseUrl()}${returnPath ?? page}`);
  switch (result.status) {
    case "complete":
    case "processing":
      return { ok: true, next: "complete", url: page };
    case "requires_action":
      if (result.clientSecret) return { ok: true, next: "stripe_action", clientSecret: result.clientSecret };
      if (!result.redirectUrl) return { ok: true, next: "complete", url: page };
      // Kassa's own pages (the sandbox's) keep the embed; a processor's page (PayPal's) is opened as it is.
      return { ok: true, next: "redirect", url: result.redirectUrl.startsWith("/") ? withEmbed(result.redirectUrl, embed) : result.redirectUrl };
    case "failed":
      return { ok: false, code: result.declineCode ?? result.code, message: result.message };
  }
}
