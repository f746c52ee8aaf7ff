import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CreateEndpointForm } from "@/components/dashboard/webhooks";
import { Table } from "@/components/ui/table";
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
          <Table
            caption={`${ctx.livemode ? "Live" : "Test"} webhook endpoints`}
            testId="endpoints-table"
            rowAlign="top"
            rows={endpoints}
            rowKey={(e) => e.id}
            empty={`No ${mode} endpoints yet. Add one above to receive events such as payment.succeeded.`}
            columns={[
              {
                id: "url",
                header: "URL",
                className: "break-all font-medium",
                href: (e) => `/developers/webhooks/${e.id}`,
                cell: (e) => e.url,
                detail: (e) => e.description,
              },
              { id: "events", header: "Events", className: "font-mono text-xs text-slate-600", cell: (e) => e.enabled_events.join(", ") },
              {
                id: "status",
                header: "Status",
                cell: (e) => <Badge tone={e.status === "enabled" ? "green" : "red"}>{e.status}</Badge>,
                detail: (e) =>
                  e.disabled_reason && e.disabled_reason !== "manual" ? (
                    <p className="text-red-700">{e.disabled_reason === "gone" ? "answered 410 Gone" : "failing for 5 days"}</p>
                  ) : null,
              },
              { id: "created", header: "Created", className: "text-slate-600", cell: (e) => <Time seconds={e.created} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
