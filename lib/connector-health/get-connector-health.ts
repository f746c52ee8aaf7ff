import { upiConnectorNameFor } from "@/lib/payments/connector";
import { routableConnectors } from "@/lib/routing/connectors";
import { executor, type ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";
import { healthSnapshot, type ConnectorHealthSnapshot } from "./health-snapshot";
import { connectorHealthSettings } from "./settings";

export interface ConnectorHealthView extends ConnectorHealthSnapshot {
  /** Consecutive failures that open a breaker (the card says "it opens at 5"). */
  threshold: number;
}

/**
 * The Connectors page: each connector of the acting mode (every one routing may name, and the UPI PSP's;
 * idle ones too) with its breaker, its fleet-wide health over the window and the mode's latest breaker
 * transitions. Breakers are the platform's, one per connector and mode, not the merchant's: reading them
 * is analysis (routing:read), and no verb lets a merchant move one.
 */
export async function getConnectorHealth({ ctx }: { ctx: ServiceContext }): Promise<ConnectorHealthView> {
  requirePermission(ctx, "routing:read");
  const settings = connectorHealthSettings();
  const connectors = routableConnectors(ctx.livemode).map((c) => c.name);
  // UPI payments go to their PSP's connector, outside routing; a mode without one (live, today) throws.
  try {
    connectors.push(upiConnectorNameFor(ctx));
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
  }
  const snapshot = await healthSnapshot(await executor(ctx), {
    livemode: ctx.livemode,
    connectors,
    historyLimit: 20,
    settings,
  });
  return { ...snapshot, threshold: settings.threshold };
}
