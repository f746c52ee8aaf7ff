import type { ServiceContext } from "@/lib/service/context";
import { attachPaymentMethod } from "@/lib/customers/attach-payment-method";
import { createCustomer } from "@/lib/customers/create-customer";
import { updateCustomer } from "@/lib/customers/update-customer";
import { createPrice } from "@/lib/products/create-price";
import { createProduct } from "@/lib/products/create-product";

/** A product with a recurring price (monthly unless told otherwise). */
export async function makePrice(ctx: ServiceContext, opts: { amount?: number; currency?: string; interval?: string; name?: string; recurring?: boolean } = {}) {
  const product = await createProduct({ ctx, input: { name: opts.name ?? "Pro" } });
  return createPrice({
    ctx,
    input: {
      product: product.id,
      currency: opts.currency ?? "usd",
      unit_amount: opts.amount ?? 2000,
      ...(opts.recurring === false ? {} : { recurring: { interval: opts.interval ?? "month" } }),
    },
  });
}

/** Saves a test card (pm_card_visa, pm_card_chargeDeclined…) on the customer and makes it their default. */
export async function giveCard(ctx: ServiceContext, customer: string, token = "pm_card_visa"): Promise<string> {
  const pm = await attachPaymentMethod({ ctx, id: token, input: { customer } });
  await updateCustomer({ ctx, id: customer, input: { invoice_settings: { default_payment_method: pm.id } } });
  return pm.id;
}

/** A customer, with a default card unless `card: null`. */
export async function makeCustomer(ctx: ServiceContext, card: string | null = "pm_card_visa") {
  const customer = await createCustomer({ ctx, input: { email: `buyer-${Math.random().toString(36).slice(2, 8)}@example.test`, name: "Ada Buyer" } });
  const paymentMethod = card ? await giveCard(ctx, customer.id, card) : null;
  return { customer: customer.id, paymentMethod };
}
