import type Stripe from "stripe";
import type { ConnectorContext } from "../types";
import type { CustomerMap } from "./customer-map";

export interface StripeDeps {
  stripe: () => Stripe;
  /** Kassa customer ↔ Stripe customer (customer-map.ts). */
  customers: CustomerMap;
}

/** Who a Stripe object belongs to in Kassa; checked on every read so one tenant never sees another's. */
export const tenantMetadata = (ctx: ConnectorContext) => ({ kassa_merchant_id: ctx.merchantId, kassa_livemode: String(ctx.livemode) });

export const ownedBy = (ctx: ConnectorContext, metadata: Stripe.Metadata | null | undefined) =>
  !metadata?.kassa_merchant_id || metadata.kassa_merchant_id === ctx.merchantId;
