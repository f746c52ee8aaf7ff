import { createPayPalConnector } from "./paypal/connector";
import { createSandboxConnector } from "./sandbox/connector";
import { createStripeConnector } from "./stripe/connector";
import { createUpiPaymentsConnector } from "./upi-sandbox/connector";
import type { Connector, ConnectorName } from "./types";

export * from "./types";

let sandbox: Connector | undefined;
let sandboxB: Connector | undefined;
let stripe: Connector | undefined;
let upiSandbox: Connector | undefined;
let paypal: Connector | undefined;

/**
 * The connector for a processor. None keeps state in memory (the sandbox's is in Postgres, Stripe's at
 * Stripe, PayPal's at PayPal), so one instance serves all. The SDK clients are made from the environment
 * on first use.
 */
export function getConnector(name: ConnectorName): Connector {
  switch (name) {
    case "sandbox":
      return (sandbox ??= createSandboxConnector());
    case "sandbox_b":
      return (sandboxB ??= createSandboxConnector({ instance: "sandbox_b" }));
    case "stripe":
      return (stripe ??= createStripeConnector());
    case "upi_sandbox":
      return (upiSandbox ??= createUpiPaymentsConnector());
    case "paypal":
      return (paypal ??= createPayPalConnector());
    default:
      throw new Error(`Unknown connector: ${String(name satisfies never)}`);
  }
}
