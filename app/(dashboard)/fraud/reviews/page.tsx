import { ReviewQueue } from "@/components/dashboard/review-queue";
import { Card, PageHeader } from "@/components/ui/card";
import { memberContext, requireMember } from "@/lib/http/session/session";
import { reviewDetail, reviewQueue } from "@/lib/fraud/review-queue";
import { can } from "@/lib/service/roles";

export const metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember("radar:read");
  const ctx = await memberContext(member);
  const sp = await searchParams;
  const rows = await reviewQueue({ ctx });
  const wanted = typeof sp.review === "string" ? sp.review : null;
  const selected = rows.find((r) => r.review.id === wanted) ?? rows[0] ?? null;
  const detail = selected ? await reviewDetail({ ctx, id: selected.review.id }) : null;
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Payments the fraud check held for your decision: authorised, not captured. Approve captures the payment; Refund releases it; Refund as fraud also blocks its card and email."
      />
      <Card>
        <ReviewQueue rows={rows} detail={detail} canWrite={can(member.role, "radar:write")} />
      </Card>
    </>
  );
}
