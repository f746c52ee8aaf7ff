import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { cardLabel } from "@/components/dashboard/card-label";
import { can } from "@/lib/service/roles";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { searchCustomers } from "@/lib/customers/search-customers";
import { KassaError } from "@/lib/service/errors";

export const metadata = { title: "Customers" };

type Search = { query?: string; starting_after?: string; ending_before?: string };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember("customers:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const query = (sp.query ?? "").trim().slice(0, 254);
  const cursor = sp.starting_after ? { starting_after: sp.starting_after } : sp.ending_before ? { ending_before: sp.ending_before } : {};
  const list = await searchCustomers({ ctx, input: { limit: "25", ...(query ? { query } : {}), ...cursor }, url: "/customers" }).catch((error: unknown) => {
    if (error instanceof KassaError) notFound(); // a malformed cursor in the URL
    throw error;
  });
  const href = (extra: Record<string, string>) => `/customers?${new URLSearchParams({ ...(query ? { query } : {}), ...extra })}`;
  // Keyset pages: "newer" exists when we came from a cursor, "older" when the page is full.
  const newer = Boolean(sp.starting_after) || (Boolean(sp.ending_before) && list.has_more);
  const older = sp.ending_before ? true : list.has_more;
  return (
    <>
      <PageHeader
        title="Customers"
        description={`Newest first, ${ctx.livemode ? "live" : "test"} mode.`}
        actions={
          <Link href="/customers/emails" className="text-sm font-medium text-brand-700 underline">
            Customer emails
          </Link>
        }
      />
      <Card
        actions={
          <form role="search" action="/customers" className="flex items-center gap-2">
            <label htmlFor="customer-search" className="sr-only">
              Search customers
            </label>
            <input
              id="customer-search"
              name="query"
              type="search"
              defaultValue={query}
              placeholder="Email, name or cus_…"
              maxLength={254}
              className="w-64 rounded-md border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-brand-500"
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </form>
        }
      >
        <Table
          caption="Customers"
          testId="customers-table"
          rows={list.data}
          rowKey={({ customer: c }) => c.id}
          empty={
            query ? (
              <div className="py-8 text-center text-sm" data-testid="customers-empty">
                <p className="font-medium text-slate-800">No customers match “{query}”.</p>
                <p className="mt-1 text-slate-500">Search looks in emails, names and ids.</p>
                <Link href="/customers" className="mt-3 inline-block text-brand-700 hover:underline">
                  Clear the search
                </Link>
              </div>
            ) : (
              <div className="py-10 text-center text-sm" data-testid="customers-empty">
                <p className="text-base font-semibold text-slate-800">No customers yet</p>
                <p className="mx-auto mt-1 max-w-md text-slate-500">
                  Customers keep a buyer&apos;s details and saved cards, so you can charge them again without asking for the card.
                </p>
                <pre className="mx-auto mt-4 max-w-md overflow-x-auto rounded bg-slate-900 p-3 text-left text-xs text-slate-100">{`POST /api/v1/customers
{ "email": "jenny@example.com", "name": "Jenny Rosen" }`}</pre>
                {can(member.role, "api_keys:read") ? (
                  <Link href="/developers/api-keys" className="mt-3 inline-block text-brand-700 hover:underline">
                    Get an API key
                  </Link>
                ) : null}
              </div>
            )
          }
          columns={[
            {
              id: "name",
              header: "Name",
              className: "font-medium",
              href: ({ customer: c }) => `/customers/${c.id}`,
              cell: ({ customer: c }) => c.name ?? c.email ?? "Unnamed customer",
            },
            { id: "email", header: "Email", className: "text-slate-600", cell: ({ customer: c }) => c.email ?? "—" },
            {
              id: "card",
              header: "Default card",
              className: "capitalize text-slate-600",
              cell: ({ default_card }) => (default_card ? cardLabel(default_card) : "—"),
            },
            { id: "created", header: "Created", className: "text-slate-600", cell: ({ customer: c }) => <Time seconds={c.created} /> },
            { id: "id", header: "Id", className: "font-mono text-xs text-slate-500", cell: ({ customer: c }) => c.id },
          ]}
        />
        {list.data.length > 0 && (newer || older) ? (
          <nav aria-label="Pages" className="mt-3 flex gap-4 text-sm">
            {newer ? (
              <Link className="text-brand-700 hover:underline" href={href({ ending_before: list.data[0]!.customer.id })}>
                Newer customers
              </Link>
            ) : null}
            {older ? (
              <Link className="text-brand-700 hover:underline" href={href({ starting_after: list.data.at(-1)!.customer.id })}>
                Older customers
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
