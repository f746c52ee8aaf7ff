import { ConnectorRequestError, type Connector } from "../types";
import type { PayPalApi } from "./client";
import { attemptOrderIndex, type PayPalOrderIndex } from "./order-index";
import type * as Payments from "./payments";

/** A Connector verb PayPal (or this connector, so far) cannot do: a refusal with a clear code, nothing sent. */
export class PayPalUnsupportedError extends ConnectorRequestError {
  constructor(what: string, code: "payment_method_unsupported" | "processor_unavailable" = "payment_method_unsupported") {
    super(code, `PayPal: ${what} is not supported by Kassa's PayPal connector.`);
    this.name = "PayPalUnsupportedError";
  }
}

export interface PayPalConnectorOptions {
  /** The SDK's controllers; defaults to the process's shared ones from the environment (PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET, PAYPAL_API_BASE…), made on first use. */
  api?: PayPalApi;
  /** Attempt key → order id (default: Kassa's payment_attempts rows). */
  orders?: PayPalOrderIndex;
}

/**
 * Kassa's connector on PayPal's Orders v2 and Payments v2 (the official @paypal/paypal-server-sdk):
 * card payments authorized or captured in one create call, captures, voids and refunds on the order's
 * authorization and capture. Saved cards (PayPal's vault), disputes and the PayPal wallet come later.
 */
export function createPayPalConnector(options: PayPalConnectorOptions = {}): Connector {
  const orders = options.orders ?? attemptOrderIndex();
  // The SDK takes ~200 ms to load: only a process that calls PayPal pays for it, on its first call.
  let loaded: Promise<{ verbs: typeof Payments; deps: Payments.PayPalDeps }> | undefined;
  const load = () =>
    (loaded ??= Promise.all([import("./payments"), import("./client")]).then(([verbs, client]) => {
      // The process's shared client (the webhook verification uses it too: one OAuth token for both).
      return { verbs, deps: { api: () => options.api ?? client.sharedPayPalApi(), orders } };
    }));
  const unsupported = (what: string, code?: "processor_unavailable") => () => Promise.reject(new PayPalUnsupportedError(what, code));
  return {
    name: "paypal",
    authorize: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.authorize(deps, ctx, input);
    },
    capture: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.capture(deps, ctx, input);
    },
    cancel: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.cancel(deps, ctx, input);
    },
    refund: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.refund(deps, ctx, input);
    },
    retrieve: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.retrieve(deps, ctx, input);
    },
    retrieveRefund: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.retrieveRefund(deps, ctx, input);
    },
    completeAuthentication: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.completeAuthentication(deps, ctx, input);
    },
    listRefunds: async (ctx, input) => {
      const { verbs, deps } = await load();
      return verbs.listRefunds(deps, ctx, input);
    },
    // PayPal keeps no customer twin for one-off card payments: nothing to create, update or delete.
    createCustomer: () => Promise.resolve({ processorId: null }),
    updateCustomer: () => Promise.resolve(),
    deleteCustomer: () => Promise.resolve(),
    setupPaymentMethod: unsupported("saving a card (PayPal's vault)"),
    attachPaymentMethod: unsupported("attaching a saved card (PayPal's vault)"),
    detachPaymentMethod: unsupported("detaching a saved card (PayPal's vault)"),
    retrieveSetup: unsupported("retrieving a card setup (PayPal's vault)"),
    submitDisputeEvidence: unsupported("dispute evidence (PayPal's Disputes API)", "processor_unavailable"),
  };
}
