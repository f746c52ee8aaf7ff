import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CreateEndpointForm } from "@/components/dashboard/webhooks";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const member = await requireMember("webhooks:read");
  const ctx = await memberContext(member);
  const { data: endpoints } = await listWebhookEndpoints({ ctx, input: { limit: 100 }, url: "/developers/webhooks" });
  const mode = ctx.livemode ? "live" : "test";
  return (
    <>
      <PageHeader
        title="Webhooks"
        description={`Kassa POSTs each event to your endpoints, signed per Standard Webhooks, and retries for about three days. These are your ${mode} endpoints${ctx.livemode ? " (https only)" : ""}.`}
      />
      <div className="space-y-6">
        {can(member.role, "webhooks:write") ? (
          <Card title={`Add a ${mode} endpoint`}>
            <CreateEndpointForm />
          </Card>
        ) : null}
        <Card title="Endpoints">
          {endpoints.length === 0 ? (
            <p className="text-sm text-slate-500">No {mode} endpoints yet. Add one above to receive events such as payment.succeeded.</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="endpoints-table">
              <thead className="text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 font-medium">URL</th>
                  <th className="py-2 font-medium">Events</th>
                  <th className="py-2 font-medium">Status</th>
                  <th className="py-2 font-medium">Created</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {endpoints.map((e) => (
                  <tr key={e.id} className="align-top">
                    <td className="py-2">
                      <Link className="break-all font-medium text-brand-700 hover:underline" href={`/developers/webhooks/${e.id}`}>{e.url}</Link>
                      {e.description ? <p className="text-xs text-slate-500">{e.description}</p> : null}
                    </td>
                    <td className="py-2 font-mono text-xs text-slate-600">{e.enabled_events.join(", ")}</td>
                    <td className="py-2">
                      <Badge tone={e.status === "enabled" ? "green" : "red"}>{e.status}</Badge>
                      {e.disabled_reason && e.disabled_reason !== "manual" ? <p className="text-xs text-red-700">{e.disabled_reason === "gone" ? "answered 410 Gone" : "failing for 5 days"}</p> : null}
                    </td>
                    <td className="py-2 text-slate-600"><Time seconds={e.created} /></td>
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
