import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { refundAmount, shortHex } from "@/components/dashboard/crypto-labels";
import { KassaError } from "@/lib/service/errors";
import { searchRefunds } from "@/lib/refunds/search-refunds";

export const metadata = { title: "Refunds" };
const TONE = { pending: "amber", succeeded: "green", failed: "red", canceled: "slate" } as const;

const KEYS = ["status", "from", "to", "currency"] as const;

export default async function RefundsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const filters: Record<string, string> = Object.fromEntries(KEYS.flatMap((k) => (sp[k] ? [[k, sp[k]!]] : [])));
  let list: Awaited<ReturnType<typeof searchRefunds>>;
  try {
    list = await searchRefunds({ ctx, input: { ...filters, ...(sp.cursor ? { cursor: sp.cursor } : {}) } });
  } catch (error) {
    if (!(error instanceof KassaError)) throw error;
    return (
      <>
        <PageHeader title="Refunds" />
        <Card>
          <p role="alert" className="text-sm text-red-800">
            These filters cannot be used: {error.message}{" "}
            <Link className="text-brand-700 underline" href="/refunds">
              Show all refunds
            </Link>
          </p>
        </Card>
      </>
    );
  }
  const filtered = Object.keys(filters).length > 0;
  const describe = [
    filters.status,
    filters.currency?.toUpperCase(),
    filters.from || filters.to ? `created ${filters.from ?? "…"} to ${filters.to ?? "…"}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <>
      <PageHeader
        title="Refunds"
        description={filtered ? `Newest first · ${describe}` : "Newest first."}
        actions={
          filtered ? (
            <Link href="/refunds" className="text-sm text-brand-700 hover:underline">
              Clear filters
            </Link>
          ) : null
        }
      />
      <Card>
        <Table
          caption={filtered ? `Refunds: ${describe}` : "Refunds"}
          testId="refunds-table"
          rows={list.data}
          rowKey={(r) => r.id}
          empty={filtered ? "No refunds match these filters." : "No refunds yet. Refund a payment from its page or with POST /api/v1/refunds."}
          columns={[
            {
              id: "amount",
              header: "Amount",
              numeric: true,
              align: "left",
              className: "font-medium",
              // A crypto refund's `amount` is 0: its token amount is refund.crypto.amount.
              cell: (r) => refundAmount(r),
              detail: (r) =>
                r.crypto?.tx_hash ? (
                  <span className="font-mono text-xs font-normal text-slate-600" title={r.crypto.tx_hash}>
                    {shortHex(r.crypto.tx_hash)}
                  </span>
                ) : null,
            },
            {
              id: "status",
              header: "Status",
              cell: (r) => <Badge tone={TONE[r.status]}>{r.status}</Badge>,
              detail: (r) => (r.failure_reason ? <p className="text-red-700">{r.failure_reason}</p> : null),
            },
            { id: "reason", header: "Reason", className: "text-slate-600", cell: (r) => r.reason?.replaceAll("_", " ") ?? "—" },
            { id: "payment", header: "Payment", className: "font-mono text-xs", href: (r) => `/payments/${r.payment}`, cell: (r) => r.payment },
            { id: "created", header: "Created", className: "text-slate-600", cell: (r) => <Time seconds={r.created} /> },
          ]}
        />
        {list.has_more ? (
          <Link
            className="mt-3 inline-block text-sm text-brand-700 hover:underline"
            href={`/refunds?${new URLSearchParams({ ...filters, cursor: list.next_cursor! })}`}
          >
            Older refunds
          </Link>
        ) : null}
      </Card>
    </>
  );
}
