import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { webhookEndpoints, type WebhookEndpointRow } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";

/** The merchant's (not deleted) endpoint in this mode; another tenant's is "not found". */
export async function loadWebhookEndpoint(
  db: Executor,
  ctx: Pick<ServiceContext, "merchantId" | "livemode">,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<WebhookEndpointRow> {
  const q = db
    .select()
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.merchantId, ctx.merchantId),
        eq(webhookEndpoints.livemode, ctx.livemode),
        isNull(webhookEndpoints.deletedAt),
      ),
    );
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw new KassaError("resource_missing", `No such webhook endpoint: '${id}'`, { param: "id" });
  return row;
}
