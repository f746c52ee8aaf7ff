import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CreateKeyForm, KeyActions } from "@/components/dashboard/api-keys";
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
          {keys.length === 0 ? (
            <p className="text-sm text-slate-500">No {mode} keys yet.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="api-keys-table">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 font-medium">Name</th>
                  <th className="py-2 font-medium">Key</th>
                  <th className="py-2 font-medium">Status</th>
                  <th className="py-2 font-medium">Last used</th>
                  <th className="py-2 font-medium">Created</th>
                  <th className="py-2 font-medium">Created by (acts as)</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {keys.map((k) => (
                  <tr key={k.id} className="align-top" data-key-id={k.id}>
                    <td className="py-3">
                      <p className="font-medium text-slate-800">{k.name}</p>
                      <p className="text-xs text-slate-500">{k.kind === "secret" ? "Secret" : k.kind === "restricted" ? "Restricted" : "Publishable"}</p>
                      {k.permissions ? (
                        <p className="text-xs text-slate-500" data-testid="key-grants">
                          {Object.entries(k.permissions).map(([r, l]) => `${r}: ${l}`).join(", ")}
                        </p>
                      ) : null}
                    </td>
                    <td className="py-3 font-mono text-xs break-all">{k.token ?? k.redacted}</td>
                    <td className="py-3">
                      <Badge tone={TONES[k.status]}>{k.status}</Badge>
                      {k.status === "expiring" ? <p className="mt-1 text-xs text-slate-500">until <Time seconds={k.expires} /></p> : null}
                    </td>
                    <td className="py-3 text-slate-600"><Time seconds={k.last_used} /></td>
                    <td className="py-3 text-slate-600"><Time seconds={k.created} /></td>
                    <td className="py-3 text-slate-600" data-testid="key-creator">
                      {k.created_by ? (
                        <>
                          <p className="break-all">{k.created_by.email}</p>
                          <p className="text-xs">{k.created_by.role ?? "left the team: key stopped"}</p>
                        </>
                      ) : (
                        "Kassa"
                      )}
                    </td>
                    <td className="py-3 text-right">
                      {can(member.role, "api_keys:write") && (k.status === "active" || k.status === "expiring") ? (
                        <KeyActions id={k.id} name={k.name} canRoll={k.status === "active"} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
