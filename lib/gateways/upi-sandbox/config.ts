import { getDb, type Database } from "@/db/client";
import type { PspDeps } from "./psp";

/**
 * The sandbox PSP's knobs: its database (the process's by default) and its clock. Tests that run
 * workflows on a fake clock give it the same clock, so "paid after 20 s" happens on that clock.
 */
type Overrides = { db?: Database; now?: () => number; observe?: PspDeps["observe"] };
let overrides: Overrides = {};

export function configureUpiSandbox(next: Overrides | null): void {
  overrides = next ?? {};
}

export const pspDeps: PspDeps = {
  db: async () => overrides.db ?? (await getDb()),
  now: () => (overrides.now ? overrides.now() : Date.now()),
  observe: (req, at) => overrides.observe?.(req, at),
};
