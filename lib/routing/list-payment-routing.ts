import { and, asc, eq } from "drizzle-orm";
import { paymentAttempts, type AttemptRouting } from "@/db/schema";
import { executor, type ServiceContext } from "@/lib/service/context";
import { requirePermission } from "@/lib/service/roles";

export interface AttemptRoute {
  id: string;
  status: string;
  paymentMethod: string;
  /** The connector that took the attempt ("sandbox", "sandbox_b", "stripe", "paypal", "upi_sandbox"). */
  connector: string;
  /** How routing rules chose it; null when no rules applied (the mode's built-in processor). */
  routing: AttemptRouting | null;
  /** Unix seconds. */
  created: number;
}

/**
 * A payment's attempts, oldest first, with the connector each used and how routing chose it, for the
 * payment's dashboard page. Scoped to the merchant and mode: another merchant's payment has none.
 */
export async function listPaymentRouting({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }): Promise<AttemptRoute[]> {
  requirePermission(ctx, "payments:read");
  const db = await executor(ctx);
  const rows = await db
    .select({
      id: paymentAttempts.id,
      status: paymentAttempts.status,
      paymentMethod: paymentAttempts.paymentMethod,
      connector: paymentAttempts.connector,
      routing: paymentAttempts.routing,
      createdAt: paymentAttempts.createdAt,
    })
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.merchantId, ctx.merchantId), eq(paymentAttempts.livemode, ctx.livemode), eq(paymentAttempts.paymentId, paymentId)))
    .orderBy(asc(paymentAttempts.createdAt), asc(paymentAttempts.id));
  return rows.map(({ createdAt, ...r }) => ({ ...r, created: Math.floor(createdAt.getTime() / 1000) }));
}
