import Link from "next/link";
import { headers } from "next/headers";
import { Card, PageHeader } from "@/components/ui/card";
import { EventsTable } from "@/components/dashboard/events-table";
import { getAccount } from "@/lib/accounts/get-account";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { can } from "@/lib/auth/roles";
import { memberContext, requireMember } from "@/lib/auth/session";
import { listEvents } from "@/lib/events/list-events";

export const metadata = { title: "Home" };

export default async function HomePage() {
  const member = await requireMember();
  const ctx = await memberContext(member);
  const [account, events, keys] = await Promise.all([
    getAccount({ ctx }),
    listEvents({ ctx, input: { limit: "5" }, url: "/api/v1/events" }),
    can(member.role, "api_keys:read") ? listApiKeys({ ctx, livemode: ctx.livemode }) : Promise.resolve(null),
  ]);
  const host = (await headers()).get("host") ?? "localhost:3000";
  const baseUrl = process.env.KASSA_URL ?? `http://${host}`;
  const activeSecret = keys?.find((k) => k.kind === "secret" && k.status !== "revoked" && k.status !== "expired");
  return (
    <>
      <PageHeader title={`Welcome${member.name ? `, ${member.name.split(" ")[0]}` : ""}`} description={`${account.business_name} · ${ctx.livemode ? "live" : "test"} data`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Recent events" actions={<Link href="/developers/events" className="text-sm text-brand-600 hover:underline">All events</Link>}>
            <EventsTable events={events.data} empty="Nothing has happened in this mode yet. Changes to your account and, soon, payments show up here." />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Account">
            <dl className="space-y-2 text-sm">
              <div className="flex justify-between gap-2"><dt className="shrink-0 text-slate-500">Account id</dt><dd className="font-mono text-xs">{account.id}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Default currency</dt><dd className="uppercase">{account.default_currency}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Support email</dt><dd>{account.support_email ?? "—"}</dd></div>
              <div className="flex justify-between gap-2"><dt className="text-slate-500">Your role</dt><dd className="capitalize">{member.role}</dd></div>
            </dl>
          </Card>
          {keys ? (
            <Card title="Call the API">
              {activeSecret ? (
                <div className="space-y-2 text-sm text-slate-600">
                  <p>With your {ctx.livemode ? "live" : "test"} secret key <span className="font-mono text-xs">{activeSecret.redacted}</span>:</p>
                  <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl ${baseUrl}/api/v1/account \\\n  -H "Authorization: Bearer sk_…"`}</pre>
                </div>
              ) : (
                <p className="text-sm text-slate-600">
                  No {ctx.livemode ? "live" : "test"} secret key yet. <Link className="text-brand-600 hover:underline" href="/developers/api-keys">Create one</Link> to call the API.
                </p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
