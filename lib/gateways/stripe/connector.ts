import type Stripe from "stripe";
import type { Connector } from "../types";
import { stripeClientFromEnv } from "./client";
import { customerMap, type CustomerMap } from "./customer-map";
import * as customers from "./customers";
import type { StripeDeps } from "./deps";
import * as disputes from "./disputes";
import * as payments from "./payments";

export interface StripeConnectorOptions {
  /** The SDK client; defaults to one from the environment (STRIPE_SECRET_KEY, STRIPE_API_BASE…), made on first use. */
  stripe?: Stripe;
  customers?: CustomerMap;
}

/** Kassa's connector on Stripe's PaymentIntents, Refunds, Customers, SetupIntents, PaymentMethods and Disputes. */
export function createStripeConnector(options: StripeConnectorOptions = {}): Connector {
  let client = options.stripe;
  const deps: StripeDeps = {
    stripe: () => (client ??= stripeClientFromEnv()),
    customers: options.customers ?? customerMap,
  };
  return {
    name: "stripe",
    authorize: (ctx, input) => payments.authorize(deps, ctx, input),
    capture: (ctx, input) => payments.capture(deps, ctx, input),
    cancel: (ctx, input) => payments.cancel(deps, ctx, input),
    refund: (ctx, input) => payments.refund(deps, ctx, input),
    retrieve: (ctx, input) => payments.retrieve(deps, ctx, input),
    retrieveRefund: (ctx, input) => payments.retrieveRefund(deps, ctx, input),
    completeAuthentication: () => payments.completeAuthentication(),
    createCustomer: (ctx, input) => customers.createCustomer(deps, ctx, input),
    updateCustomer: (ctx, input) => customers.updateCustomer(deps, ctx, input),
    deleteCustomer: (ctx, input) => customers.deleteCustomer(deps, ctx, input),
    setupPaymentMethod: (ctx, input) => customers.setupPaymentMethod(deps, ctx, input),
    attachPaymentMethod: (ctx, input) => customers.attachPaymentMethod(deps, ctx, input),
    detachPaymentMethod: (ctx, input) => customers.detachPaymentMethod(deps, ctx, input),
    retrieveSetup: (ctx, input) => customers.retrieveSetup(deps, ctx, input),
    listRefunds: (ctx, input) => payments.listRefunds(deps, ctx, input),
    submitDisputeEvidence: (ctx, input) => disputes.submitDisputeEvidence(deps, ctx, input),
  };
}
