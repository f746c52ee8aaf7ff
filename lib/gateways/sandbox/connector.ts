import { getDb, type Database } from "@/db/client";
import type { Connector } from "../types";
import { authorize } from "./authorize";
import { cancel } from "./cancel";
import { capture } from "./capture";
import { completeAuthentication } from "./complete-authentication";
import * as customers from "./customers";
import { resolveConfig, type SandboxConfig } from "./config";
import { refund } from "./refund";
import { listRefunds, retrieve, retrieveRefund } from "./retrieve";
import type { SandboxDeps } from "./store";

export interface SandboxConnectorOptions extends SandboxConfig {
  /** The sandbox's own database; defaults to the process database (getDb()). Never a caller's transaction. */
  db?: Database;
}

/** The simulated processor. Options given here win over configureSandbox() and the environment. */
export function createSandboxConnector(options: SandboxConnectorOptions = {}): Connector {
  const { db, ...own } = options;
  const deps: SandboxDeps = {
    db: async () => db ?? (await getDb()),
    config: () => resolveConfig(own),
  };
  return {
    name: "sandbox",
    authorize: (ctx, input) => authorize(deps, ctx, input),
    capture: (ctx, input) => capture(deps, ctx, input),
    cancel: (ctx, input) => cancel(deps, ctx, input),
    refund: (ctx, input) => refund(deps, ctx, input),
    retrieve: (ctx, input) => retrieve(deps, ctx, input),
    retrieveRefund: (ctx, input) => retrieveRefund(deps, ctx, input),
    completeAuthentication: (ctx, input) => completeAuthentication(deps, ctx, input),
    createCustomer: async () => ({ processorId: null }),
    updateCustomer: async () => undefined,
    deleteCustomer: (ctx, input) => customers.deleteCustomer(deps, ctx, input),
    setupPaymentMethod: (ctx, input) => customers.setupPaymentMethod(deps, ctx, input),
    attachPaymentMethod: (ctx, input) => customers.attachPaymentMethod(deps, ctx, input),
    detachPaymentMethod: (ctx, input) => customers.detachPaymentMethod(deps, ctx, input),
    // The sandbox keeps no setup objects: a setup is finished in the call that starts it.
    retrieveSetup: async () => null,
    listRefunds: (ctx, input) => listRefunds(deps, ctx, input),
    // The sandbox has no card network to forward evidence to; Kassa keeps it on the dispute.
    submitDisputeEvidence: async () => undefined,
  };
}
