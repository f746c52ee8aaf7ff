import type { UpiDetails, UpiEventRow } from "@/db/schema";
import { maskVpa } from "@/lib/upi/vpa";

/** A line of the payment page's timeline (the shape of get-payment-timeline's TimelineItem). */
export interface UpiTimelineItem {
  at: number;
  kind: "upi";
  title: string;
  detail: string | null;
  ref: string;
}

const FLOW_WORDS = { intent: "intent (app link)", qr: "QR code", collect: "collect request" } as const;
const SOURCE_WORDS: Record<string, string> = {
  poll: "scheduled status check",
  page: "checkout page's check",
  expiry: "check at expiry",
  sweep: "expiry sweep",
  callback: "after a callback",
};
const text = (v: unknown) => (typeof v === "string" ? v : null);

/** One upi_events row as a line of the payment's timeline, in the merchant's words. */
export function upiEventLine(e: UpiEventRow): UpiTimelineItem {
  const d = e.detail;
  const source = text(d.source);
  const by = source ? (SOURCE_WORDS[source] ?? source) : null;
  const line = (title: string, detail: string | null = null): UpiTimelineItem => ({ at: e.createdAt.getTime(), kind: "upi", title, detail, ref: e.id });
  switch (e.kind) {
    case "initiated":
      return line(`UPI ${FLOW_WORDS[(text(d.flow) ?? "intent") as keyof typeof FLOW_WORDS] ?? text(d.flow)} sent to the PSP`, text(d.psp_reference));
    case "poll":
      return line(`UPI status check: ${e.status ?? "no answer"}`, by);
    case "callback":
      return line(`UPI callback from the PSP: ${e.status ?? "unknown"}`, text(d.rrn) ? `RRN ${text(d.rrn)}` : null);
    case "expired":
      return line("UPI payment expired unpaid", by);
    case "late_success":
      return line(
        d.booked === false ? "UPI paid after the payment had moved on — returned by the PSP" : "UPI paid after it expired — refunded automatically",
        text(d.reason) ?? (text(d.refund) ? `refund ${text(d.refund)}` : text(d.psp_reference)),
      );
    case "poll_error":
      return line("UPI status check got no answer", [by, text(d.error)].filter(Boolean).join(": ") || null);
    default:
      return line(`UPI ${String(e.kind)}`);
  }
}

/** The UPI panel of the payment page: what the PSP knows of the payer and the transaction, the VPA masked. */
export function upiView(upi: UpiDetails, rows: UpiEventRow[]) {
  const late = upi.late_refund !== null || rows.some((r) => r.kind === "late_success" && r.detail.booked !== false);
  return {
    flow: upi.flow,
    status: upi.status,
    vpa: maskVpa(upi.vpa),
    payer_name: upi.payer_name,
    rrn: upi.rrn,
    psp_reference: upi.psp_reference,
    expires_at: upi.expires_at,
    late_refund: upi.late_refund,
    /** Why a paid UPI payment was refunded without anyone asking. */
    late_note: late ? "Paid after it expired — refunded automatically" : null,
    checks: rows.filter((r) => r.kind === "poll" || r.kind === "poll_error").length,
    callbacks: rows.filter((r) => r.kind === "callback").length,
  };
}
export type UpiPanel = ReturnType<typeof upiView>;
