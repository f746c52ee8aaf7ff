import type { AlertRow } from "@/db/schema";
import { bpToPercent } from "./settings";
import type { z } from "zod";
import type { AlertObject as AlertSchema } from "./alert-object";

const seconds = (d: Date | null) => (d ? Math.floor(d.getTime() / 1000) : null);

/** The alert as the API and webhooks show it (rates as percentages, times in Unix seconds). */
export function serializeAlert(a: AlertRow) {
  return {
    id: a.id,
    object: "alert" as const,
    livemode: a.livemode,
    kind: a.kind,
    status: a.resolvedAt ? ("resolved" as const) : ("open" as const),
    value: bpToPercent(a.valueBp),
    threshold: bpToPercent(a.thresholdBp),
    window_minutes: a.windowMinutes,
    attempts: a.attempts,
    matching_attempts: a.matching,
    opened_at: seconds(a.openedAt),
    resolved_at: seconds(a.resolvedAt),
    resolved_value: a.resolvedValueBp === null ? null : bpToPercent(a.resolvedValueBp),
  } satisfies z.input<typeof AlertSchema>;
}
export type AlertObject = ReturnType<typeof serializeAlert>;
