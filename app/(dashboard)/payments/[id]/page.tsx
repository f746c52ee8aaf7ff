import Link from "next/link";
import { notFound } from "next/navigation";
import { PaymentDetail } from "@/components/dashboard/payment-detail";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/roles";
import { memberContext, requireMember } from "@/lib/auth/session";
import { KassaError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { getPaymentTimeline } from "@/lib/payments/get-payment-timeline";

export const metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember("payments:read");
  const ctx = await memberContext(member);
  const { id } = await params;
  let view: Awaited<ReturnType<typeof getPaymentTimeline>>;
  try {
    view = await getPaymentTimeline({ ctx, id });
  } catch (error) {
    // Another merchant's (or the other mode's) payment is simply not there.
    if (error instanceof KassaError && error.code === "resource_missing") notFound();
    throw error;
  }
  const p = view.payment;
  return (
    <>
      <PageHeader title={formatMoney(p.amount, p.currency)} description={p.id} actions={<Link href="/payments" className="text-sm text-brand-700 hover:underline">All payments</Link>} />
      <PaymentDetail initial={view} canWrite={can(member.role, "payments:write")} canRefund={can(member.role, "refunds:write")} />
    </>
  );
}
