import { Badge } from "@/components/ui/card";
import type { PayoutObject } from "@/lib/payouts/serialize-payout";

type Status = PayoutObject["status"];

const TONES: Record<Status, "slate" | "green" | "amber" | "red" | "blue"> = {
  pending: "amber",
  in_transit: "blue",
  paid: "green",
  failed: "red",
  canceled: "slate",
};

export function PayoutStatus({ status }: { status: Status }) {
  return <Badge tone={TONES[status]}>{status.replace("_", " ")}</Badge>;
}
