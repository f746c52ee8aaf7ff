import { notFound } from "next/navigation";
import { CheckoutCard, Notice } from "@/components/checkout/checkout-card";
import { SandboxUpiAppForm } from "@/components/checkout/sandbox-upi-app-form";
import { DEFAULT_PAYER_VPA, findSandboxUpiApp, type SandboxUpiApp } from "@/lib/checkout/sandbox-upi-app";
import { KassaError } from "@/lib/service/errors";
import { decideSandboxUpiAction } from "./actions";

export const metadata = { title: "Sandbox UPI app", robots: { index: false } };

const ENDED: Record<Exclude<SandboxUpiApp["status"], "pending">, { title: string; text: string }> = {
  success: { title: "Payment approved", text: "The sandbox PSP recorded the payment as paid and told Kassa. Go back to the checkout." },
  failed: { title: "Payment declined", text: "The sandbox PSP recorded the payment as declined and told Kassa. Go back to the checkout." },
  expired: { title: "Payment request expired", text: "This request was not approved in time. Nothing was paid." },
};

/** Stands in for the customer's UPI app in test mode: a tester approves or declines an intent, QR or collect payment. */
export default async function SandboxUpiAppPage({ params }: { params: Promise<{ txn: string }> }) {
  const { txn } = await params;
  let app: SandboxUpiApp;
  try {
    app = await findSandboxUpiApp(txn);
  } catch (error) {
    if (error instanceof KassaError) notFound();
    throw error;
  }
  const details = (
    <dl className="mb-5 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-700">Paying</dt>
      <dd className="font-medium text-slate-900" data-testid="upi-app-payee">
        {app.payee}
      </dd>
      <dt className="text-slate-700">Note</dt>
      <dd className="text-slate-900">{app.note}</dd>
      <dt className="text-slate-700">Reference</dt>
      <dd className="font-mono text-xs text-slate-900">{app.id}</dd>
    </dl>
  );
  if (app.status !== "pending") {
    const ended = ENDED[app.status];
    return (
      <CheckoutCard merchantName="Sandbox UPI app" amount={app.amount} testMode>
        {details}
        <Notice title={ended.title}>
          <p data-testid="upi-app-result">{ended.text}</p>
        </Notice>
      </CheckoutCard>
    );
  }
  return (
    <CheckoutCard merchantName="Sandbox UPI app" amount={app.amount} testMode>
      <h1 className="mb-2 text-lg font-semibold text-slate-900">{app.flow === "collect" ? "Payment request" : "Confirm payment"}</h1>
      <p className="mb-4 text-sm text-slate-700">
        This is Kassa&apos;s test version of a customer&apos;s UPI app. Approve to pay, or decline, as the customer would.
      </p>
      {details}
      <SandboxUpiAppForm action={decideSandboxUpiAction.bind(null, app.id)} defaultVpa={DEFAULT_PAYER_VPA} fixedVpa={app.vpa} />
    </CheckoutCard>
  );
}
