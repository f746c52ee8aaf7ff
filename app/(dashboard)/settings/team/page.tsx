import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm, RemoveMember, RevokeInvitation, RoleSelect } from "@/components/dashboard/team";
import { Time } from "@/components/ui/time";
import { can, ROLE_DESCRIPTIONS } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listMembers, listPendingInvitations } from "@/lib/team/list-members";
import { ROLES } from "@/db/schema";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requireMember();
  const ctx = await memberContext(member);
  const manage = can(member.role, "team:manage");
  const [members, invitations] = await Promise.all([listMembers({ ctx }), manage ? listPendingInvitations({ ctx }) : Promise.resolve([])]);
  const isOwner = member.role === "owner";
  const assignable = ROLES.filter((r) => isOwner || r !== "owner");
  const secs = (d: Date) => Math.floor(d.getTime() / 1000);
  return (
    <>
      <PageHeader title="Team" description="Who can sign in to this account, and what each role may do." />
      <div className="space-y-6">
        {manage ? (
          <Card title="Invite a teammate">
            <InviteForm canInviteOwner={isOwner} />
          </Card>
        ) : null}
        <Card title="Members">
          <table className="w-full text-left text-sm" data-testid="members-table">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr><th className="py-2 font-medium">Member</th><th className="py-2 font-medium">Role</th><th className="py-2 font-medium">Since</th><th /></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => {
                const editable = manage && m.userId !== member.userId && (isOwner || m.role !== "owner");
                return (
                  <tr key={m.id}>
                    <td className="py-3"><p className="font-medium text-slate-800">{m.name ?? m.email}</p><p className="text-xs text-slate-500">{m.email}</p></td>
                    <td className="py-3">{editable ? <RoleSelect membership={m.id} role={m.role} email={m.email} options={assignable} /> : <span className="capitalize">{m.role}</span>}</td>
                    <td className="py-3 text-slate-600"><Time seconds={secs(m.since)} /></td>
                    <td className="py-3 text-right">{editable ? <RemoveMember membership={m.id} email={m.email} /> : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
        {manage && invitations.length > 0 ? (
          <Card title="Pending invitations">
            <ul className="divide-y divide-slate-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between py-2">
                  <span>{i.email} · <span className="capitalize">{i.role}</span> · expires <Time seconds={secs(i.expiresAt)} /></span>
                  <RevokeInvitation id={i.id} email={i.email} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title="Roles">
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            {ROLES.map((r) => (
              <div key={r}><dt className="font-medium capitalize text-slate-800">{r}</dt><dd className="text-slate-600">{ROLE_DESCRIPTIONS[r]}</dd></div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
