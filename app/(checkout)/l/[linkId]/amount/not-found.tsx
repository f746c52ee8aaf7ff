import { Notice } from "@/components/checkout/checkout-card";

export default function PaymentLinkNotFound() {
  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <Notice title="This payment link is not valid">
        <p>Check the link, or ask the business for a new one. Nothing was charged.</p>
      </Notice>
    </div>
  );
}
