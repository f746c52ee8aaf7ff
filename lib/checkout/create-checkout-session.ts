import { walletConnector } from "@/lib/payments/connector";
import { paypalAccepts } from "@/lib/gateways/paypal/map";
import { checkoutSessions, type CheckoutPaymentMethodType, type CheckoutSessionRow } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commitWrites } from "@/lib/service/commit";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { checkChargeAmount } from "@/lib/payments/inputs";
import { CRYPTO_CHECKOUT_CURRENCY } from "./checkout-methods";
import { CreateCheckoutSessionInput } from "./inputs";
import { serializeCheckoutSession, type CheckoutSessionObject } from "./serialize-checkout-session";

/** A session stays payable this long; the checkout-session-expiry function closes it then. */
export const CHECKOUT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** POST /api/v1/checkout/sessions — a page where a customer pays `amount`; nothing is charged yet. */
export async function createCheckoutSession({
  ctx,
  input,
  baseUrl,
}: {
  ctx: ServiceContext;
  input: unknown;
  baseUrl?: string;
}): Promise<CheckoutSessionObject> {
  requirePermission(ctx, "payments:write");
  const data = parseWith(CreateCheckoutSessionInput, input);
  const amount = checkChargeAmount(data.amount, data.currency);
  const paymentMethodTypes: CheckoutPaymentMethodType[] = data.payment_method_types ? [...new Set(data.payment_method_types)] : ["card"];
  const captureMethod = data.capture_method ?? "automatic";
  if (paymentMethodTypes.includes("upi")) {
    // Refused before anything is stored, as POST /v1/payments refuses UPI in another currency.
    if (data.currency !== "inr") {
      throw new KassaError("payment_method_currency_mismatch", `UPI takes INR only; this session is in ${data.currency.toUpperCase()}.`, {
        param: "payment_method_types",
      });
    }
    if (captureMethod === "manual") {
      throw new KassaError("payment_method_unsupported", "UPI payments are captured at once: capture_method manual is for cards.", {
        param: "capture_method",
      });
    }
  }
  if (paymentMethodTypes.includes("crypto")) {
    // USD stablecoins at 1:1: any other currency would need a price; a transfer on chain is captured at once.
    if (data.currency !== CRYPTO_CHECKOUT_CURRENCY) {
      throw new KassaError(
        "payment_method_currency_mismatch",
        `Crypto at checkout takes USD sessions only; this session is in ${data.currency.toUpperCase()}.`,
        {
          param: "payment_method_types",
        },
      );
    }
    if (captureMethod === "manual") {
      throw new KassaError("payment_method_unsupported", "Crypto payments are final once on chain: capture_method manual is for cards.", {
        param: "capture_method",
      });
    }
  }
  if (paymentMethodTypes.includes("paypal")) {
    // PayPal's own list of currencies when PayPal carries it; the sandbox's simulated wallet takes any.
    const connector = walletConnector(ctx);
    if (!connector) {
      throw new KassaError("payment_method_unsupported", "PayPal is not set up for live payments (PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET).", {
        param: "payment_method_types",
      });
    }
    if (connector === "paypal" && !paypalAccepts(data.currency)) {
      throw new KassaError("payment_method_currency_mismatch", `PayPal does not take ${data.currency.toUpperCase()}.`, { param: "payment_method_types" });
    }
  }
  return openCheckoutSession(
    ctx,
    {
      amount,
      currency: data.currency,
      description: data.description ?? null,
      customerEmail: data.customer_email ?? null,
      successUrl: data.success_url,
      cancelUrl: data.cancel_url,
      paymentMethodTypes,
      captureMethod,
      metadata: data.metadata ?? {},
      embedOrigins: [...new Set(data.embed_origins ?? [])],
      paymentLinkId: null,
    },
    baseUrl,
  );
}

type SessionFields = Pick<
  CheckoutSessionRow,
  | "amount"
  | "currency"
  | "description"
  | "customerEmail"
  | "successUrl"
  | "cancelUrl"
  | "paymentMethodTypes"
  | "captureMethod"
  | "metadata"
  | "embedOrigins"
  | "paymentLinkId"
>;

/** Writes a new open session with its audit row and outbox event (callers have validated the fields). */
export async function openCheckoutSession(ctx: ServiceContext, fields: SessionFields, baseUrl?: string): Promise<CheckoutSessionObject> {
  const now = new Date();
  const row: CheckoutSessionRow = {
    ...fields,
    id: newId("checkoutSession"),
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    status: "open",
    paymentId: null,
    expiresAt: new Date(now.getTime() + CHECKOUT_SESSION_TTL_MS),
    completedAt: null,
    expiredAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const object = serializeCheckoutSession(row, baseUrl);
  await commitWrites(ctx, await executor(ctx), (db, changes) => {
    changes.audit({
      action: "checkout.session.created",
      targetType: "checkout_session",
      targetId: row.id,
      metadata: { amount: Number(row.amount), currency: row.currency, payment_link: row.paymentLinkId },
    });
    changes.event("checkout.session.created", object);
    return [db.insert(checkoutSessions).values(row)];
  });
  return object;
}
