import { Card, PageHeader } from "@/components/ui/card";
import { AccountForm } from "@/components/dashboard/account-form";
import { getAccount } from "@/lib/accounts/get-account";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { CURRENCIES } from "@/lib/money";
import { getDb } from "@/db/client";
import { LoginSessions } from "@/components/dashboard/login-sessions";
import { PasswordForm } from "@/components/dashboard/password-form";
import { listLoginSessions } from "@/lib/login-sessions/list-login-sessions";

export const metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const member = await requireMember();
  const account = await getAccount({ ctx: await memberContext(member) });
  return (
    <>
      <PageHeader title="Account" description="Your business details, as integrators see them at GET /api/v1/account." />
      <Card>
        <AccountForm account={account} currencies={CURRENCIES} canEdit={can(member.role, "account:write")} />
      </Card>
      <div className="mt-6">
        <Card title="Your password">
          <PasswordForm />
        </Card>
      </div>
      <div className="mt-6">
        <Card title="Your sessions">
          <LoginSessions sessions={await listLoginSessions(await getDb(), { userId: member.userId, currentId: member.sessionId })} />
        </Card>
      </div>
    </>
  );
}
