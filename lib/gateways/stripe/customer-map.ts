import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { customers } from "@/db/schema";
import type { ConnectorContext } from "../types";

export interface CustomerRecord {
  id: string;
  processorId: string | null;
  email: string | null;
  name: string | null;
}

/**
 * Where the Stripe connector finds the Stripe customer that mirrors a Kassa customer, and records one
 * it had to create (a customer made while Stripe was unreachable gets its Stripe twin on first use;
 * the creation's idempotency key is the Kassa id, so it is made once).
 */
export const customerMap = {
  async lookup(ctx: ConnectorContext, customerId: string): Promise<CustomerRecord | null> {
    const db = await getDb();
    const [row] = await db
      .select({ id: customers.id, processorId: customers.processorId, email: customers.email, name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), eq(customers.merchantId, ctx.merchantId), eq(customers.livemode, ctx.livemode), isNull(customers.deletedAt)));
    return row ?? null;
  },
  async remember(ctx: ConnectorContext, customerId: string, processorId: string): Promise<void> {
    const db = await getDb();
    await db
      .update(customers)
      .set({ processorId })
      .where(and(eq(customers.id, customerId), eq(customers.merchantId, ctx.merchantId), eq(customers.livemode, ctx.livemode), isNull(customers.processorId)));
  },
};
export type CustomerMap = typeof customerMap;
