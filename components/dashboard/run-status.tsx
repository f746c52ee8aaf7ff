import { Badge } from "@/components/ui/card";

const TONES = { running: "blue", completed: "green", failed: "red", cancelled: "slate" } as const;

export function RunStatus({ status }: { status: string }) {
  return <Badge tone={TONES[status as keyof typeof TONES] ?? "slate"}>{status}</Badge>;
}
