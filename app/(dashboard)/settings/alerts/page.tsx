import { Card, PageHeader } from "@/components/ui/card";
import { AlertSettingsForm } from "@/components/dashboard/alert-settings-form";
import { getAlertSettings } from "@/lib/alerts/get-alert-settings";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Alert settings" };

export default async function AlertSettingsPage() {
  const member = await requireMember("account:read");
  const ctx = await memberContext(member);
  const settings = await getAlertSettings({ ctx });
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`When Kassa warns you about failing payments in ${ctx.livemode ? "live" : "test"} mode (each mode has its own thresholds). Rates are over the last ${settings.window_minutes} minutes, checked every minute; an alert shows as a banner on every dashboard page and sends alert.opened and alert.resolved to your webhooks.`}
      />
      <Card title="Thresholds">
        <AlertSettingsForm settings={settings} canEdit={can(member.role, "account:write")} />
      </Card>
    </>
  );
}
