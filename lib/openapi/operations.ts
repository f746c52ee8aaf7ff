// The registry of every API operation: route handlers take their route, body and query schemas from
// here (withApiKey(operation("POST /api/v1/payments"), …)), and lib/openapi/document.ts builds the
// OpenAPI document from it, so a route cannot exist without its entry (lib/openapi/route-inventory.test.ts).
import { accountOperations } from "./operations/account";
import { alertsOperations } from "./operations/alerts";
import { balanceOperations } from "./operations/balance";
import { billingPortalOperations } from "./operations/billing-portal";
import { checkoutOperations } from "./operations/checkout";
import { customersOperations } from "./operations/customers";
import { disputesOperations } from "./operations/disputes";
import { escrowOperations } from "./operations/escrow";
import { eventsOperations } from "./operations/events";
import { invoicesOperations } from "./operations/invoices";
import { openapiOperations } from "./operations/openapi";
import { ordersOperations } from "./operations/orders";
import { paymentLinksOperations } from "./operations/payment-links";
import { paymentsOperations } from "./operations/payments";
import { payoutsOperations } from "./operations/payouts";
import { productsOperations } from "./operations/products";
import { radarOperations } from "./operations/radar";
import { refundsOperations } from "./operations/refunds";
import { routingOperations } from "./operations/routing";
import { subscriptionsOperations } from "./operations/subscriptions";
import { testHelpersOperations } from "./operations/test-helpers";
import { upiOperations } from "./operations/upi";
import { webhooksOperations } from "./operations/webhooks";
import type { HttpMethod, OperationEntry } from "./operation-types";

export const OPERATIONS = {
  ...accountOperations,
  ...alertsOperations,
  ...balanceOperations,
  ...billingPortalOperations,
  ...checkoutOperations,
  ...customersOperations,
  ...disputesOperations,
  ...escrowOperations,
  ...eventsOperations,
  ...invoicesOperations,
  ...openapiOperations,
  ...ordersOperations,
  ...paymentLinksOperations,
  ...paymentsOperations,
  ...payoutsOperations,
  ...productsOperations,
  ...radarOperations,
  ...refundsOperations,
  ...routingOperations,
  ...subscriptionsOperations,
  ...testHelpersOperations,
  ...upiOperations,
  ...webhooksOperations,
};

export type OperationKey = keyof typeof OPERATIONS;

/** A registry entry with its key split into method and route template (":id" params). */
export type Operation<K extends OperationKey = OperationKey> = (typeof OPERATIONS)[K] & { key: K; method: HttpMethod; route: string };

/** Any entry, widened to the entry type: for code that walks the whole registry (the document builder). */
export type AnyOperation = OperationEntry & { key: OperationKey; method: HttpMethod; route: string };

export function operation<K extends OperationKey>(key: K): Operation<K> {
  const space = key.indexOf(" ");
  return { ...OPERATIONS[key], key, method: key.slice(0, space) as HttpMethod, route: key.slice(space + 1) };
}

export const OPERATION_KEYS = Object.keys(OPERATIONS) as OperationKey[];
