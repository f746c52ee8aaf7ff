import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, memberships, payments, users } from "@/db/schema";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { DEMO_LOGIN } from "./seed";

/** How many demo payments and subscriptions the first start adds in the background. */
export interface DemoDataCounts {
  subscriptions: number;
  payments: number;
}

const STARTED = "demo.seed_started";
const FINISHED = "demo.seed_finished";

/** The background seed's bounds, as audit rows of the demo merchant: what it set out to write, and that it ended. */
export async function recordDemoSeed(ctx: ServiceContext, step: "started" | "finished", counts: DemoDataCounts): Promise<void> {
  await commit(ctx, async (_tx, changes) => {
    changes.audit({ action: step === "started" ? STARTED : FINISHED, metadata: { payments: counts.payments, subscriptions: counts.subscriptions } });
  });
}

/**
 * Whether the first start's background demo data was left unfinished (its process stopped while writing it: a
 * later start does not take it up again): the seed's start is recorded and its end is not. Returns what it set out
 * to write and how many demo payments it wrote; null when there is no demo merchant or the seed ended. A demo
 * seeded before the seed recorded its bounds has neither row, and counts as finished.
 */
export async function unfinishedDemoSeed(db: Executor): Promise<{ wanted: DemoDataCounts; payments: number } | null> {
  const [demo] = await db
    .select({ merchantId: memberships.merchantId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, DEMO_LOGIN.email))
    .limit(1);
  if (!demo) return null;
  const bounds = await db
    .select({ action: auditLog.action, metadata: auditLog.metadata })
    .from(auditLog)
    .where(and(eq(auditLog.merchantId, demo.merchantId), inArray(auditLog.action, [STARTED, FINISHED])));
  const started = bounds.find((b) => b.action === STARTED);
  if (!started || bounds.some((b) => b.action === FINISHED)) return null;
  const [written] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .where(and(eq(payments.merchantId, demo.merchantId), eq(payments.livemode, false), sql`${payments.metadata} ? 'order_id'`));
  const wanted = started.metadata as unknown as DemoDataCounts;
  return { wanted: { payments: Number(wanted.payments), subscriptions: Number(wanted.subscriptions) }, payments: written?.n ?? 0 };
}

/** What a start says when the first start's demo data was left unfinished. */
export function unfinishedDemoSeedMessage({ wanted, payments }: { wanted: DemoDataCounts; payments: number }): string {
  const stoppedAt =
    payments < wanted.payments
      ? `after ${payments.toLocaleString("en-US")} of ${wanted.payments.toLocaleString("en-US")} demo payments`
      : `while it wrote the ${wanted.subscriptions.toLocaleString("en-US")} demo subscriptions`;
  return [
    "",
    `  The demo data is not complete: the first start was stopped ${stoppedAt}.`,
    "  A later start does not add the rest. For the full demo, stop the server, delete .data (or point",
    "  KASSA_DATA_DIR at an empty folder; with DATABASE_URL, use an empty database) and start again.",
    "",
  ].join("\n");
}
