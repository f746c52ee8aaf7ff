import { Alert, Badge, Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import type { UpiPanel } from "@/lib/payments/upi-timeline";

const FLOW = { intent: "Intent (UPI app link)", qr: "QR code", collect: "Collect request" } as const;
const tone = (s: UpiPanel["status"]) => (s === "success" ? "green" : s === "pending" ? "amber" : s === "failed" ? "red" : "slate");

/** A UPI payment's own facts: flow, the payer (VPA masked), the bank's references, expiry, and why a late payment was refunded. */
export function UpiPanelCard({ upi }: { upi: UpiPanel }) {
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd data-testid={testId} className="break-all">
        {value ?? "—"}
      </dd>
    </div>
  );
  return (
    <Card title="UPI">
      {upi.late_note ? (
        <div className="mb-3" data-testid="upi-late-note">
          <Alert tone="amber">
            {upi.late_note}
            {upi.late_refund ? (
              <>
                {" "}
                (refund <span className="font-mono text-xs">{upi.late_refund}</span>)
              </>
            ) : null}
            . The customer paid after the payment had expired, so the money went back to them.
          </Alert>
        </div>
      ) : null}
      <dl className="grid gap-3 text-sm sm:grid-cols-4" data-testid="upi-details">
        {row("UPI status", <Badge tone={tone(upi.status)}>{upi.status}</Badge>, "upi-status")}
        {row("Flow", FLOW[upi.flow], "upi-flow")}
        {row("VPA", upi.vpa ? <span className="font-mono text-xs">{upi.vpa}</span> : null, "upi-vpa")}
        {row("Payer name", upi.payer_name, "upi-payer")}
        {row("RRN", upi.rrn ? <span className="font-mono text-xs">{upi.rrn}</span> : null, "upi-rrn")}
        {row("PSP reference", upi.psp_reference ? <span className="font-mono text-xs">{upi.psp_reference}</span> : null, "upi-psp-reference")}
        {row("Expires", <Time seconds={upi.expires_at} />, "upi-expires")}
        {row("Status checks / callbacks", `${upi.checks} / ${upi.callbacks}`)}
      </dl>
    </Card>
  );
}
