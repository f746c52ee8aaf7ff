import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { UpiOverview } from "@/lib/overview/get-upi-overview";

const FLOW = { intent: "Intent", qr: "QR code", collect: "Collect" } as const;

/** UPI success rate per flow over the overview's range: succeeded ÷ finished (succeeded, failed or expired). */
export function UpiSuccessCard({ u }: { u: UpiOverview }) {
  const list = (extra: Record<string, string>) => `/payments?${new URLSearchParams({ from: u.range.from, to: u.range.to, method: "upi", ...extra })}`;
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    <Card title="UPI success rate by flow">
      <Table
        caption="UPI success rate by flow"
        testId="upi-success"
        density="compact"
        rows={u.flows}
        rowKey={(f) => f.flow}
        columns={[
          { id: "flow", header: "Flow", href: (f) => list({ upi_flow: f.flow }), cell: (f) => FLOW[f.flow] },
          { id: "rate", header: "Success rate", numeric: true, cell: (f) => (f.rate === null ? "—" : `${f.rate}%`) },
          { id: "succeeded", header: "Succeeded", numeric: true, href: (f) => list({ upi_flow: f.flow, upi_status: "success" }), cell: (f) => n(f.succeeded) },
          { id: "failed", header: "Failed", numeric: true, href: (f) => list({ upi_flow: f.flow, upi_status: "failed" }), cell: (f) => n(f.failed) },
          { id: "expired", header: "Expired", numeric: true, href: (f) => list({ upi_flow: f.flow, upi_status: "expired" }), cell: (f) => n(f.expired) },
          { id: "pending", header: "Waiting", numeric: true, cell: (f) => n(f.pending) },
        ]}
      />
      <p className="mt-2 text-xs text-slate-600">Payments created in the range; a payment still waiting for the customer&apos;s app is not counted.</p>
    </Card>
  );
}
