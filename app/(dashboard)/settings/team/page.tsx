import { Card, PageHeader } from "@/components/ui/card";
import { InviteForm, RemoveMember, RevokeInvitation, RoleSelect } from "@/components/dashboard/team";
import { Table } from "@/components/ui/table";
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
  const editable = (m: (typeof members)[number]) => manage && m.userId !== member.userId && (isOwner || m.role !== "owner");
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
          <Table
            caption="Team members"
            testId="members-table"
            density="relaxed"
            rows={members}
            rowKey={(m) => m.id}
            columns={[
              { id: "member", header: "Member", className: "font-medium text-slate-800", cell: (m) => m.name ?? m.email, detail: (m) => m.email },
              {
                id: "role",
                header: "Role",
                cell: (m) =>
                  editable(m) ? (
                    <RoleSelect membership={m.id} role={m.role} email={m.email} options={assignable} />
                  ) : (
                    <span className="capitalize">{m.role}</span>
                  ),
              },
              { id: "since", header: "Since", className: "text-slate-600", cell: (m) => <Time seconds={secs(m.since)} /> },
              {
                id: "actions",
                header: "Actions",
                headerHidden: true,
                align: "right",
                cell: (m) => (editable(m) ? <RemoveMember membership={m.id} email={m.email} /> : null),
              },
            ]}
          />
        </Card>
        {manage && invitations.length > 0 ? (
          <Card title="Pending invitations">
            <ul className="divide-y divide-slate-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex items-center justify-between py-2">
                  <span>
                    {i.email} · <span className="capitalize">{i.role}</span> · expires <Time seconds={secs(i.expiresAt)} />
                  </span>
                  <RevokeInvitation id={i.id} email={i.email} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card title="Roles">
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            {ROLES.map((r) => (
              <div key={r}>
                <dt className="font-medium capitalize text-slate-800">{r}</dt>
                <dd className="text-slate-600">{ROLE_DESCRIPTIONS[r]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}
