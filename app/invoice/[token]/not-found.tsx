import { Notice } from "@/components/checkout/checkout-card";

export default function HostedInvoiceNotFound() {
  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <Notice title="This invoice link is not valid">
        <p>There is no invoice at this address. Check the link in your email, or ask the business for a new one. Nothing was charged.</p>
      </Notice>
    </div>
  );
}
