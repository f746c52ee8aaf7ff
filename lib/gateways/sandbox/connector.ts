import { getDb, type Database } from "@/db/client";
import type { Connector } from "../types";
import { authorize } from "./authorize";
import { cancel } from "./cancel";
import { capture } from "./capture";
import { completeAuthentication } from "./complete-authentication";
import * as customers from "./customers";
import { resolveConfig, type SandboxConfig, type SandboxInstance } from "./config";
import { refund } from "./refund";
import { listRefunds, retrieve, retrieveRefund } from "./retrieve";
import type { SandboxDeps } from "./store";

export interface SandboxConnectorOptions extends SandboxConfig {
  /** The sandbox's own database; defaults to the process database (getDb()). Never a caller's transaction. */
  db?: Database;
  /** Which sandbox: `sandbox_b` keeps its own charges, refunds and saved cards, and has its own knobs. */
  instance?: SandboxInstance;
}

/** How sandbox_b keeps its own state in the sandbox's tables: its objects are filed under this suffix of the merchant id. */
export const SANDBOX_B_TENANT_SUFFIX = "~sandbox_b";

/** The Kassa merchant of a sandbox row (sandbox_b files its rows under a suffixed id). */
export const kassaMerchantOf = (storedMerchantId: string) =>
  storedMerchantId.endsWith(SANDBOX_B_TENANT_SUFFIX) ? storedMerchantId.slice(0, -SANDBOX_B_TENANT_SUFFIX.length) : storedMerchantId;

/** The simulated processor. Options given here win over configureSandbox() and the environment. */
export function createSandboxConnector(options: SandboxConnectorOptions = {}): Connector {
  const { db, instance = "sandbox", ...own } = options;
  const deps: SandboxDeps = {
    db: async () => db ?? (await getDb()),
    config: () => resolveConfig(own, instance),
  };
  const connector = sandboxConnector(deps);
  if (instance === "sandbox") return connector;
  // A second processor with its own state: what A holds, B never finds (and the other way round).
  const own_ = <C extends { merchantId: string }>(ctx: C): C => ({ ...ctx, merchantId: `${ctx.merchantId}${SANDBOX_B_TENANT_SUFFIX}` });
  const wrapped = Object.fromEntries(
    Object.entries(connector).map(([key, fn]) => [key, typeof fn === "function" ? (ctx: { merchantId: string }, input: unknown) => fn(own_(ctx), input) : fn]),
  ) as unknown as Connector;
  return { ...wrapped, name: instance };
}

function sandboxConnector(deps: SandboxDeps): Connector {
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
