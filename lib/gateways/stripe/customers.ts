import Stripe from "stripe";
import {
  ConnectorRequestError,
  type ConnectorContext,
  type CustomerInput,
  type PaymentMethodInput,
  type SavedPaymentMethod,
  type SetupInput,
  type SetupResult,
} from "../types";
import { cardFailure, isNotFound, toConnectorError } from "./errors";
import { cardOf } from "./map";
import { tenantMetadata, type StripeDeps } from "./deps";

type StripeCustomerDeps = StripeDeps;

/** The Stripe customer that mirrors a Kassa customer, created on first need (idempotency key: the Kassa id). */
export async function ensureStripeCustomer(deps: StripeCustomerDeps, ctx: ConnectorContext, customerId: string): Promise<string> {
  const record = await deps.customers.lookup(ctx, customerId);
  if (!record) throw new ConnectorRequestError("resource_missing", `No such customer: '${customerId}'`, "customer");
  if (record.processorId) return record.processorId;
  const { processorId } = await createCustomer(deps, ctx, { customerId, email: record.email, name: record.name });
  return processorId;
}

export async function createCustomer(deps: StripeCustomerDeps, ctx: ConnectorContext, input: CustomerInput): Promise<{ processorId: string }> {
  let created: Stripe.Customer;
  try {
    created = await deps.stripe().customers.create(
      {
        ...(input.email ? { email: input.email } : {}),
        ...(input.name ? { name: input.name } : {}),
        metadata: { kassa_customer_id: input.customerId, ...tenantMetadata(ctx) },
      },
      { idempotencyKey: `customer:${input.customerId}` },
    );
  } catch (error) {
    throw toConnectorError(error, "create customer");
  }
  await deps.customers.remember(ctx, input.customerId, created.id);
  return { processorId: created.id };
}

export async function updateCustomer(
  deps: StripeCustomerDeps,
  ctx: ConnectorContext,
  input: CustomerInput & { defaultPaymentMethod?: string | null },
): Promise<void> {
  const id = await ensureStripeCustomer(deps, ctx, input.customerId);
  try {
    // No idempotency key: an update sets absolute values, so repeating it is harmless.
    await deps.stripe().customers.update(id, {
      email: input.email ?? "",
      name: input.name ?? "",
      ...(input.defaultPaymentMethod !== undefined ? { invoice_settings: { default_payment_method: input.defaultPaymentMethod ?? "" } } : {}),
    });
  } catch (error) {
    throw toConnectorError(error, "update customer");
  }
}

export async function deleteCustomer(deps: StripeCustomerDeps, ctx: ConnectorContext, input: { customerId: string }): Promise<void> {
  const record = await deps.customers.lookup(ctx, input.customerId);
  if (!record?.processorId) return;
  try {
    await deps.stripe().customers.del(record.processorId);
  } catch (error) {
    if (isNotFound(error)) return;
    throw toConnectorError(error, "delete customer");
  }
}

function saved(pm: Stripe.PaymentMethod, customerId: string | null): SavedPaymentMethod {
  const card = cardOf(pm.card);
  if (!card) throw new ConnectorRequestError("payment_method_unknown", `PaymentMethod ${pm.id} is not a card.`, "payment_method");
  return { processorId: pm.id, customer: customerId, card };
}

function setupResult(seti: Stripe.SetupIntent, customerId: string | null): SetupResult {
  const pm = seti.payment_method && typeof seti.payment_method === "object" ? seti.payment_method : null;
  const status = seti.status === "succeeded" ? "succeeded" : seti.status === "requires_action" ? "requires_action" : "failed";
  return {
    processorId: seti.id,
    status,
    paymentMethod: pm ? saved(pm, status === "succeeded" ? customerId : null) : null,
    failure: seti.last_setup_error ? cardFailure(seti.last_setup_error) : null,
    nextAction: seti.next_action?.redirect_to_url?.url
      ? {
          type: "redirect_to_url",
          redirectToUrl: { url: seti.next_action.redirect_to_url.url, returnUrl: seti.next_action.redirect_to_url.return_url ?? null },
        }
      : null,
    clientSecret: seti.client_secret,
  };
}

/** A setup as Stripe has it now (the webhook's re-read), with its card. */
export async function retrieveSetup(deps: StripeCustomerDeps, ctx: ConnectorContext, input: { processorId: string }): Promise<SetupResult | null> {
  try {
    const seti = await deps.stripe().setupIntents.retrieve(input.processorId, { expand: ["payment_method"] });
    if (seti.metadata?.kassa_merchant_id && seti.metadata.kassa_merchant_id !== ctx.merchantId) return null;
    return setupResult(seti, seti.metadata?.kassa_customer_id ?? null);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw toConnectorError(error, "retrieve setup");
  }
}

/** A SetupIntent created and confirmed at once (usage off_session), the card attached to the customer on success. */
export async function setupPaymentMethod(deps: StripeCustomerDeps, ctx: ConnectorContext, input: SetupInput): Promise<SetupResult> {
  const customer = await ensureStripeCustomer(deps, ctx, input.customerId);
  try {
    const seti = await deps.stripe().setupIntents.create(
      {
        customer,
        payment_method: input.paymentMethod,
        confirm: true,
        usage: input.usage,
        metadata: { kassa_setup_intent_id: input.idempotencyKey, kassa_customer_id: input.customerId, ...tenantMetadata(ctx) },
        expand: ["payment_method"],
        ...(input.returnUrl ? { return_url: input.returnUrl } : { automatic_payment_methods: { enabled: true, allow_redirects: "never" } }),
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return setupResult(seti, input.customerId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const seti = (error.raw as { setup_intent?: Stripe.SetupIntent }).setup_intent;
      return { processorId: seti?.id ?? "", status: "failed", paymentMethod: null, failure: cardFailure(error), nextAction: null, clientSecret: null };
    }
    throw toConnectorError(error, "setup");
  }
}

/** Stripe's attach and detach take no metadata; the idempotency key makes a retry safe. */
export async function attachPaymentMethod(
  deps: StripeCustomerDeps,
  ctx: ConnectorContext,
  input: PaymentMethodInput & { customerId: string },
): Promise<SavedPaymentMethod> {
  const customer = await ensureStripeCustomer(deps, ctx, input.customerId);
  try {
    const pm = await deps.stripe().paymentMethods.attach(input.paymentMethod, { customer }, { idempotencyKey: input.idempotencyKey });
    return saved(pm, input.customerId);
  } catch (error) {
    throw toConnectorError(error, "attach");
  }
}

export async function detachPaymentMethod(deps: StripeCustomerDeps, _ctx: ConnectorContext, input: PaymentMethodInput): Promise<SavedPaymentMethod> {
  try {
    const pm = await deps.stripe().paymentMethods.detach(input.paymentMethod, {}, { idempotencyKey: input.idempotencyKey });
    return saved(pm, null);
  } catch (error) {
    throw toConnectorError(error, "detach");
  }
}
