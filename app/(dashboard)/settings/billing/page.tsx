import { Card, PageHeader } from "@/components/ui/card";
import { BillingSettingsForm } from "@/components/dashboard/billing-settings-form";
import { retrieveBillingSettings } from "@/lib/billing/retrieve-billing-settings";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Billing settings" };

export default async function BillingSettingsPage() {
  const member = await requireMember("account:read");
  const settings = await retrieveBillingSettings({ ctx: await memberContext(member) });
  return (
    <>
      <PageHeader
        title="Billing"
        description="What happens when a subscription's renewal payment fails (both modes). A hard decline such as an expired or stolen card is not retried; a new default card is tried at once."
      />
      <Card title="Failed payments">
        <BillingSettingsForm settings={settings} canEdit={can(member.role, "account:write")} />
      </Card>
    </>
  );
}
