import { Card, PageHeader } from "@/components/ui/card";
import { CreateHookForm, DeleteHookButton } from "@/components/dashboard/fulfillment-hooks";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listFulfillmentHooks } from "@/lib/orders/list-fulfillment-hooks";

export const metadata = { title: "Fulfilment hooks" };

export default async function FulfillmentHooksPage() {
  const member = await requireMember("webhooks:read");
  const ctx = await memberContext(member);
  const { data: hooks } = await listFulfillmentHooks({ ctx, input: { limit: 10 }, url: "/developers/fulfillment-hooks" });
  const mode = ctx.livemode ? "live" : "test";
  const writer = can(member.role, "webhooks:write");
  return (
    <>
      <PageHeader
        title="Fulfilment hooks"
        description={`Where an order's saga reserves, confirms and releases stock at your shop. Each call is signed per Standard Webhooks, its webhook-id is the saga step's key (the same on every retry). These are your ${mode} hooks.`}
      />
      <div className="space-y-6">
        {writer ? (
          <Card title={`Add a ${mode} fulfilment hook`}>
            <CreateHookForm livemode={ctx.livemode} hasHook={hooks.length > 0} />
          </Card>
        ) : null}
        <Card title="Hooks">
          <Table
            caption={`${ctx.livemode ? "Live" : "Test"} fulfilment hooks`}
            testId="hooks-table"
            rowAlign="top"
            rows={hooks}
            rowKey={(h) => h.id}
            empty={`No ${mode} fulfilment hook yet. Orders then run without calls to your shop.`}
            columns={[
              {
                id: "urls",
                header: "URLs",
                className: "break-all text-sm",
                cell: (h) => (
                  <dl className="grid grid-cols-[5rem_1fr] gap-x-2">
                    <dt className="text-slate-600">Reserve</dt>
                    <dd>{h.reserve_url}</dd>
                    <dt className="text-slate-600">Confirm</dt>
                    <dd>{h.confirm_url}</dd>
                    <dt className="text-slate-600">Release</dt>
                    <dd>{h.release_url}</dd>
                  </dl>
                ),
                detail: (h) => h.description,
              },
              { id: "created", header: "Created", className: "text-slate-600", cell: (h) => <Time seconds={h.created} /> },
              ...(writer ? [{ id: "actions", header: "Actions", cell: (h: (typeof hooks)[number]) => <DeleteHookButton id={h.id} /> }] : []),
            ]}
          />
        </Card>
      </div>
    </>
  );
}
