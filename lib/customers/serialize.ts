import type { CustomerRow, NextAction, PaymentMethodRow, SetupIntentRow } from "@/db/schema";
import type { z } from "zod";
import type { CustomerObject as CustomerSchema, PaymentMethodObject as PaymentMethodSchema, SetupIntentObject as SetupIntentSchema } from "./customer-object";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** The API's `customer` object (Stripe's shape for the fields Kassa keeps). */
export function serializeCustomer(c: CustomerRow) {
  return {
    id: c.id,
    object: "customer" as const,
    email: c.email,
    name: c.name,
    description: c.description,
    phone: c.phone,
    metadata: c.metadata,
    invoice_settings: { default_payment_method: c.defaultPaymentMethod },
    /** Minor units; negative is credit the customer's next invoice uses up. */
    balance: Number(c.balance),
    livemode: c.livemode,
    created: unix(c.createdAt),
  } satisfies z.input<typeof CustomerSchema>;
}
export type CustomerObject = ReturnType<typeof serializeCustomer>;

/** The API's `payment_method` object: the card's display details only, never a number or CVC. */
export function serializePaymentMethod(pm: PaymentMethodRow) {
  return {
    id: pm.id,
    object: "payment_method" as const,
    type: pm.type,
    customer: pm.customer,
    card: {
      brand: pm.card.brand,
      last4: pm.card.last4,
      exp_month: pm.card.exp_month,
      exp_year: pm.card.exp_year,
      fingerprint: pm.card.fingerprint,
      country: pm.card.country,
      funding: pm.card.funding,
    },
    metadata: pm.metadata,
    livemode: pm.livemode,
    created: unix(pm.createdAt),
  } satisfies z.input<typeof PaymentMethodSchema>;
}
export type PaymentMethodObject = ReturnType<typeof serializePaymentMethod>;

/** The API's `setup_intent` object; `client_secret` only in the answer that made it (never stored). */
export function serializeSetupIntent(s: SetupIntentRow, extra: { client_secret?: string | null; next_action?: NextAction | null } = {}) {
  return {
    id: s.id,
    object: "setup_intent" as const,
    customer: s.customer,
    status: s.status,
    payment_method: s.paymentMethod,
    usage: s.usage,
    last_setup_error: s.lastSetupError,
    next_action: extra.next_action ?? null,
    client_secret: extra.client_secret ?? null,
    metadata: s.metadata,
    livemode: s.livemode,
    created: unix(s.createdAt),
  } satisfies z.input<typeof SetupIntentSchema>;
}
export type SetupIntentObject = ReturnType<typeof serializeSetupIntent>;
