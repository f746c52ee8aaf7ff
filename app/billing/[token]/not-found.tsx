import { Notice } from "@/components/checkout/checkout-card";

export default function BillingPortalNotFound() {
  return (
    <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" data-testid="portal-missing">
      <Notice title="This billing link is not valid">
        <p>There is no billing page at this address. Go back to the business you subscribed with and open your billing page from there.</p>
      </Notice>
    </div>
  );
}
