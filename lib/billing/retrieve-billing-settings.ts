import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";
import { getBillingSettings } from "./settings";

/** The merchant's dunning settings (Stripe's defaults until they are changed), as the settings page shows them. */
export async function retrieveBillingSettings({ ctx }: { ctx: ServiceContext }) {
  requirePermission(ctx, "account:read");
  const s = await getBillingSettings(await executor(ctx), ctx.merchantId);
  return { retry_days: s.retryDays, terminal_action: s.terminalAction, portal_cancel: s.portalCancel };
}
export type BillingSettingsObject = Awaited<ReturnType<typeof retrieveBillingSettings>>;
