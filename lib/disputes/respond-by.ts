import type { DisputeStatus } from "@/db/schema";

export interface RespondBy {
  /** For people: "Respond in 3 days 4 h", "Overdue", "Under review", "Won"… */
  label: string;
  tone: "slate" | "green" | "amber" | "red" | "blue";
  /** The merchant can still send evidence. */
  open: boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** How long is left, rounded down: "3 days 4 h", "5 h 20 min", "12 min" (under a minute: "1 min"). */
export function timeLeft(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / 60_000);
  if (days > 0) return hours > 0 ? `${plural(days, "day")} ${hours} h` : plural(days, "day");
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${Math.max(minutes, 1)} min`;
}

const CLOSED: Partial<Record<DisputeStatus, Omit<RespondBy, "open">>> = {
  won: { label: "Won", tone: "green" },
  lost: { label: "Lost", tone: "red" },
  warning_closed: { label: "Inquiry closed", tone: "slate" },
  prevented: { label: "Prevented", tone: "slate" },
};

/** A dispute's countdown to evidence_due_by (Unix seconds) as the list and the detail page show it. */
export function respondBy(status: DisputeStatus, dueBy: number, now: number): RespondBy {
  const closed = CLOSED[status];
  if (closed) return { ...closed, open: false };
  if (status === "under_review" || status === "warning_under_review") return { label: "Evidence submitted, under review", tone: "blue", open: false };
  const left = dueBy * 1000 - now;
  if (left <= 0) return { label: "Overdue", tone: "red", open: false };
  return { label: `Respond in ${timeLeft(left)}`, tone: left < 2 * DAY ? "red" : "amber", open: true };
}
