import Link from "next/link";
import type { AlertObject } from "@/lib/alerts/serialize-alert";

const LABEL: Record<AlertObject["kind"], string> = {
  payment_failure_rate: "Payment failure rate",
  processor_timeout_rate: "Processor timeout rate",
};

/** The open payment alerts of the mode, on every dashboard page (server-rendered by the layout). */
export function PaymentAlertBanner({ alerts }: { alerts: AlertObject[] }) {
  if (alerts.length === 0) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50 px-6 py-2 text-sm text-amber-950" data-testid="payment-alert-banner">
      <ul className="space-y-0.5">
        {alerts.map((a) => (
          <li key={a.id} data-alert-kind={a.kind}>
            <span className="font-semibold">{LABEL[a.kind]} is high:</span> {a.value}% of {a.attempts} attempts in the last {a.window_minutes} minutes (your
            threshold is {a.threshold}%), since{" "}
            <time dateTime={new Date(a.opened_at! * 1000).toISOString()}>{new Date(a.opened_at! * 1000).toISOString().slice(11, 16)} UTC</time>.
          </li>
        ))}
      </ul>
      <p className="mt-1">
        <Link className="font-medium underline" href="/payments">
          Look at recent payments
        </Link>{" "}
        ·{" "}
        <Link className="font-medium underline" href="/settings/alerts">
          Alert settings
        </Link>
      </p>
    </div>
  );
}
