import { createSandboxConnector } from "./sandbox/connector";
import type { Connector, ConnectorName } from "./types";

export * from "./types";

let sandbox: Connector | undefined;

/** The connector for a processor. The sandbox is stateless in memory (its state is in Postgres), so one instance serves all. */
export function getConnector(name: ConnectorName): Connector {
  switch (name) {
    case "sandbox":
      return (sandbox ??= createSandboxConnector());
    case "stripe":
      throw new Error('Connector "stripe" is not configured yet: the Stripe connector has not been built. Route payments to "sandbox".');
    default:
      throw new Error(`Unknown connector: ${String(name satisfies never)}`);
  }
}
