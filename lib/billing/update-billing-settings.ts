import { billingSettings } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { BillingSettingsInput } from "./billing-settings-input";
import type { BillingSettingsObject } from "./retrieve-billing-settings";
import { getBillingSettings } from "./settings";

/**
 * Saves the merchant's dunning settings (one row per merchant, both modes): the retry schedule the next
 * failed renewal follows, what happens after the last try, and portal cancellation. Owners and admins only,
 * as the account's other settings; an audit row records before and after.
 */
export async function updateBillingSettings({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<BillingSettingsObject> {
  requirePermission(ctx, "account:write");
  const data = parseWith(BillingSettingsInput, input);
  return commit(ctx, async (tx, changes) => {
    const before = await getBillingSettings(tx, ctx.merchantId);
    const set = { retryDays: data.retry_days, terminalAction: data.terminal_action, portalCancel: data.portal_cancel };
    await tx
      .insert(billingSettings)
      .values({ merchantId: ctx.merchantId, ...set })
      .onConflictDoUpdate({ target: billingSettings.merchantId, set: { ...set, updatedAt: new Date() } });
    changes.audit({
      action: "billing_settings.updated",
      targetType: "merchant",
      targetId: ctx.merchantId,
      metadata: { before: { retry_days: before.retryDays, terminal_action: before.terminalAction, portal_cancel: before.portalCancel }, after: data },
    });
    return data;
  });
}
