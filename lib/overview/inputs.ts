import { z } from "zod";

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 400;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a calendar date");

/** A range of whole UTC days, both ends included. */
export const OverviewInput = z
  .strictObject({
    from: isoDay,
    to: isoDay,
    currency: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code")
      .transform((s) => s.toLowerCase())
      .optional(),
  })
  .refine((v) => v.from <= v.to, { message: "must be on or after from", path: ["to"] })
  .refine((v) => dayCount(v.from, v.to) <= MAX_RANGE_DAYS, { message: `a range can span at most ${MAX_RANGE_DAYS} days`, path: ["to"] });
export type OverviewInput = z.output<typeof OverviewInput>;

export const toDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => toDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
export const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export const PRESETS = { today: 1, "7d": 7, "30d": 30, "90d": 90 } as const;
export type Preset = keyof typeof PRESETS;

/** The range a preset means on `now`'s UTC day: today, or the last N days including today. */
export function presetRange(preset: Preset, now = new Date()): { from: string; to: string } {
  const to = toDay(now);
  return { from: addDays(to, 1 - PRESETS[preset]), to };
}
