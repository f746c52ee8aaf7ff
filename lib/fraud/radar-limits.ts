import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";

/** Active rules a merchant may have per mode. */
export const MAX_ACTIVE_RULES = 100;

/**
 * Serialises the writes to one merchant's rules in one mode until the transaction ends, so two requests cannot
 * both take the 100th place, or both make a new version of the same rule.
 */
export async function lockRules(tx: Transaction, ctx: Pick<ServiceContext, "merchantId" | "livemode">): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`radar_rules:${ctx.merchantId}:${ctx.livemode}`}, 0))`);
}
