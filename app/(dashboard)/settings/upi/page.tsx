import { Card, PageHeader } from "@/components/ui/card";
import { UpiSettingsForm } from "@/components/dashboard/upi-settings-form";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { can } from "@/lib/service/roles";
import { getUpiSettings } from "@/lib/upi/get-upi-settings";

export const metadata = { title: "UPI settings" };

export default async function UpiSettingsPage() {
  const member = await requireMember("account:read");
  const ctx = await memberContext(member);
  const settings = await getUpiSettings({ ctx });
  return (
    <>
      <PageHeader
        title="UPI"
        description={`How customers pay by UPI in ${ctx.livemode ? "live" : "test"} mode (each mode has its own settings). Changes apply to the next UPI payment.`}
      />
      <Card title="UPI payments">
        <UpiSettingsForm settings={settings} canEdit={can(member.role, "account:write")} />
      </Card>
    </>
  );
}
