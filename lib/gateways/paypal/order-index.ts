import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { paymentAttempts } from "@/db/schema";
import type { ConnectorContext } from "../types";

/**
 * Where the PayPal connector finds the order of an attempt by its idempotency key. PayPal has no
 * lookup by a caller's key (Orders v2 has no search; PayPal-Request-Id replays need the whole request),
 * so the map is Kassa's own: the attempt row's processor id, which phase B records. The connector
 * only reads it. What Kassa never learned (a lost answer) is not here: retrieve answers null and the
 * money path sends the attempt again with the same PayPal-Request-Id, which PayPal replays.
 */
export interface PayPalOrderIndex {
  orderOf(ctx: ConnectorContext, idempotencyKey: string): Promise<string | null>;
}

export function attemptOrderIndex(db: () => Promise<Executor> = getDb): PayPalOrderIndex {
  return {
    async orderOf(ctx, idempotencyKey) {
      const [row] = await (
        await db()
      )
        .select({ processorId: paymentAttempts.processorId })
        .from(paymentAttempts)
        .where(
          and(
            eq(paymentAttempts.id, idempotencyKey),
            eq(paymentAttempts.merchantId, ctx.merchantId),
            eq(paymentAttempts.livemode, ctx.livemode),
            eq(paymentAttempts.connector, "paypal"),
          ),
        );
      return row?.processorId ?? null;
    },
  };
}
