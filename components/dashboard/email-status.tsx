import { Badge } from "@/components/ui/card";

/** An outbox email's status as people read it: sent, failed, waiting for SMTP_URL, or kept in test mode. */
export function EmailStatus({ status, smtp }: { status: string; smtp: boolean }) {
  return (
    <Badge tone={status === "sent" ? "green" : status === "failed" ? "red" : status === "test" ? "amber" : "slate"}>
      {status === "test" ? "test mode, not sent" : status === "queued" && !smtp ? "in outbox" : status}
    </Badge>
  );
}
