import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CreateKeyForm, KeyActions } from "@/components/dashboard/api-keys";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { grantableFor } from "@/lib/api-keys/key-permissions";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";

export const metadata = { title: "API keys" };

const TONES = { active: "green", expiring: "amber", expired: "slate", revoked: "red" } as const;

export default async function ApiKeysPage() {
  const member = await requireMember("api_keys:read");
  const ctx = await memberContext(member);
  const keys = await listApiKeys({ ctx, livemode: ctx.livemode });
  const mode = ctx.livemode ? "live" : "test";
  return (
    <>
      <PageHeader
        title="API keys"
        description={`Secret keys authenticate your server's calls to /api/v1; publishable keys identify you from a browser. These are your ${mode} keys.`}
      />
      <div className="space-y-6">
        <Card title={`Create a ${mode} key`}>
          <CreateKeyForm livemode={ctx.livemode} resources={grantableFor(member.role)} />
        </Card>
        <Card title={`${ctx.livemode ? "Live" : "Test"} keys`}>
          <Table
            caption={`${ctx.livemode ? "Live" : "Test"} API keys`}
            testId="api-keys-table"
            density="relaxed"
            rowAlign="top"
            rows={keys}
            rowKey={(k) => k.id}
            rowData={(k) => ({ "data-key-id": k.id })}
            empty={`No ${mode} keys yet.`}
            columns={[
              {
                id: "name",
                header: "Name",
                className: "font-medium text-slate-800",
                cell: (k) => k.name,
                detail: (k) => (
                  <>
                    <p>{k.kind === "secret" ? "Secret" : k.kind === "restricted" ? "Restricted" : "Publishable"}</p>
                    {k.permissions ? (
                      <p data-testid="key-grants">
                        {Object.entries(k.permissions)
                          .map(([r, l]) => `${r}: ${l}`)
                          .join(", ")}
                      </p>
                    ) : null}
                  </>
                ),
              },
              { id: "key", header: "Key", className: "font-mono text-xs break-all", cell: (k) => k.token ?? k.redacted },
              {
                id: "status",
                header: "Status",
                cell: (k) => <Badge tone={TONES[k.status]}>{k.status}</Badge>,
                detail: (k) =>
                  k.status === "expiring" ? (
                    <p className="mt-1">
                      until <Time seconds={k.expires} />
                    </p>
                  ) : null,
              },
              { id: "last-used", header: "Last used", className: "text-slate-600", cell: (k) => <Time seconds={k.last_used} /> },
              { id: "created", header: "Created", className: "text-slate-600", cell: (k) => <Time seconds={k.created} /> },
              {
                id: "creator",
                header: "Created by (acts as)",
                className: "text-slate-600",
                testId: "key-creator",
                cell: (k) => (k.created_by ? <p className="break-all">{k.created_by.email}</p> : "Kassa"),
                detail: (k) => (k.created_by ? <p className="text-slate-600">{k.created_by.role ?? "left the team: key stopped"}</p> : null),
              },
              {
                id: "actions",
                header: "Actions",
                headerHidden: true,
                align: "right",
                cell: (k) =>
                  can(member.role, "api_keys:write") && (k.status === "active" || k.status === "expiring") ? (
                    <KeyActions id={k.id} name={k.name} canRoll={k.status === "active"} />
                  ) : null,
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
