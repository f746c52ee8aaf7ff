import { signOutAction } from "@/app/(auth)/actions";
import { setModeAction } from "./actions";
import { Sidebar, type NavSection } from "@/components/dashboard/sidebar";
import Link from "next/link";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { listEndpointProblems } from "@/lib/webhooks/list-endpoint-problems";
import { can } from "@/lib/service/roles";
import { PaymentAlertBanner } from "@/components/dashboard/payment-alert-banner";
import { listOpenAlerts } from "@/lib/alerts/list-open-alerts";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const member = await requireMember();
  const ctx = await memberContext(member);
  const [problems, openAlerts] = await Promise.all([listEndpointProblems({ ctx }), listOpenAlerts({ ctx })]);
  const sections: NavSection[] = [
    {
      items: [
        { href: "/dashboard", label: "Home" },
        ...(can(member.role, "payments:read")
          ? [
              { href: "/payments", label: "Payments" },
              { href: "/refunds", label: "Refunds" },
              { href: "/orders", label: "Orders" },
            ]
          : []),
        ...(can(member.role, "customers:read") ? [{ href: "/customers", label: "Customers" }] : []),
        ...(can(member.role, "disputes:read") ? [{ href: "/disputes", label: "Disputes" }] : []),
        ...(can(member.role, "balance:read") ? [{ href: "/balance", label: "Balance" }] : []),
        ...(can(member.role, "payouts:read") ? [{ href: "/payouts", label: "Payouts" }] : []),
        ...(can(member.role, "products:read") ? [{ href: "/products", label: "Products" }] : []),
        ...(can(member.role, "subscriptions:read") ? [{ href: "/subscriptions", label: "Subscriptions" }] : []),
        ...(can(member.role, "invoices:read") ? [{ href: "/invoices", label: "Invoices" }] : []),
        ...(can(member.role, "payment_links:read") ? [{ href: "/payment-links", label: "Payment links" }] : []),
      ],
    },
    ...(can(member.role, "radar:read")
      ? [
          {
            title: "Fraud",
            items: [
              { href: "/fraud/reviews", label: "Review queue" },
              { href: "/fraud/rules", label: "Rules" },
              { href: "/fraud/lists", label: "Lists" },
            ],
          },
        ]
      : []),
    {
      title: "Developers",
      items: [
        ...(can(member.role, "api_keys:read") ? [{ href: "/developers/api-keys", label: "API keys" }] : []),
        { href: "/developers/events", label: "Events" },
        ...(can(member.role, "request_logs:read") ? [{ href: "/developers/logs", label: "Logs" }] : []),
        ...(can(member.role, "webhooks:read") ? [{ href: "/developers/webhooks", label: "Webhooks" }] : []),
        ...(can(member.role, "webhooks:read") ? [{ href: "/developers/fulfillment-hooks", label: "Fulfilment hooks" }] : []),
        ...(can(member.role, "workflows:read") ? [{ href: "/developers/workflows", label: "Workflows" }] : []),
        { href: "/docs/api", label: "API reference" },
      ],
    },
    {
      title: "Settings",
      items: [
        { href: "/settings", label: "Account" },
        { href: "/settings/team", label: "Team" },
        { href: "/settings/emails", label: "Emails" },
        { href: "/settings/billing", label: "Billing" },
        { href: "/settings/upi", label: "UPI" },
        ...(can(member.role, "payouts:read") ? [{ href: "/settings/payouts", label: "Payouts" }] : []),
        { href: "/settings/alerts", label: "Alerts" },
        ...(can(member.role, "routing:read")
          ? [
              { href: "/settings/routing", label: "Routing" },
              { href: "/connectors", label: "Connectors" },
            ]
          : []),
        ...(can(member.role, "audit:read") ? [{ href: "/settings/audit", label: "Audit log" }] : []),
      ],
    },
  ];
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5 md:flex">
        <div className="mb-6 px-3">
          <p className="text-lg font-bold tracking-tight text-brand-700">kassa</p>
          <p className="truncate text-sm text-slate-600" data-testid="merchant-name">
            {member.businessName}
          </p>
        </div>
        <Sidebar sections={sections} />
        <div className="mt-auto space-y-2 border-t border-slate-100 px-3 pt-4 text-sm">
          <p className="truncate text-slate-700" title={member.email}>
            {member.email}
          </p>
          <p className="text-xs capitalize text-slate-500" data-testid="member-role">
            {member.role}
          </p>
          <form action={signOutAction}>
            <button type="submit" className="text-sm text-slate-500 hover:text-slate-900">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2">
          <details className="relative mr-auto md:hidden">
            <summary className="cursor-pointer list-none text-sm font-semibold text-brand-700">☰ {member.businessName}</summary>
            <div className="absolute left-0 z-10 mt-2 w-60 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200">
              <Sidebar sections={sections} />
              <form action={signOutAction} className="mt-3 border-t border-slate-100 px-3 pt-3">
                <button type="submit" className="text-sm text-slate-500 hover:text-slate-900">
                  Sign out
                </button>
              </form>
            </div>
          </details>
          {member.livemode ? null : <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Test mode</span>}
          <form action={setModeAction}>
            <input type="hidden" name="mode" value={member.livemode ? "test" : "live"} />
            <button type="submit" className="text-xs font-medium text-slate-600 hover:text-slate-900">
              {member.livemode ? "Switch to test data" : "Switch to live data"}
            </button>
          </form>
        </header>
        {problems.length > 0 ? (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-6 py-2 text-sm text-red-800" data-testid="webhook-banner">
            {problems.length === 1 ? "A webhook endpoint was" : `${problems.length} webhook endpoints were`} turned off and no longer receive events:{" "}
            {problems.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ", " : ""}
                <Link className="font-medium underline" href={`/developers/webhooks/${p.id}`}>
                  {p.url}
                </Link>{" "}
                ({p.reason === "gone" ? "it answered 410 Gone" : "every delivery failed for 5 days"})
              </span>
            ))}
            . Fix it and enable it again.
          </div>
        ) : null}
        <PaymentAlertBanner alerts={openAlerts} />
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{children}</main>
      </div>
    </div>
  );
}
