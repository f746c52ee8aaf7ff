import { sql } from "drizzle-orm";
import { fulfillmentHooks } from "@/db/schema";
import { parseWith } from "@/lib/service/parse";
import { requirePermission } from "@/lib/service/roles";
import { commit } from "@/lib/service/commit";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { checkWebhookUrlAtRegistration } from "@/lib/webhooks/safe-fetch";
import { newSigningSecret, sealSecret } from "@/lib/webhooks/secrets";
import { CreateFulfillmentHookInput } from "./inputs";
import { activeFulfillmentHook } from "./load-fulfillment-hook";
import { serializeFulfillmentHook, type FulfillmentHookObject } from "./serialize-fulfillment-hook";

/** Checks one hook URL with the webhook endpoints' policy (https in live mode, no private addresses), naming its param. */
async function checkHookUrl(raw: string, param: string, livemode: boolean): Promise<string> {
  try {
    return (await checkWebhookUrlAtRegistration(raw, { livemode })).href;
  } catch (error) {
    if (error instanceof KassaError) throw new KassaError(error.code, error.message.replace("webhook URL", `${param}`), { param });
    throw error;
  }
}

/**
 * POST /api/v1/fulfillment_hooks — where order sagas reserve, confirm and release at the merchant. One
 * live hook per merchant and mode: delete the old one to register another. The signing secret is in this
 * response only.
 */
export async function createFulfillmentHook({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<FulfillmentHookObject> {
  requirePermission(ctx, "webhooks:write");
  const data = parseWith(CreateFulfillmentHookInput, input);
  const reserveUrl = await checkHookUrl(data.reserve_url, "reserve_url", ctx.livemode);
  const confirmUrl = await checkHookUrl(data.confirm_url, "confirm_url", ctx.livemode);
  const releaseUrl = await checkHookUrl(data.release_url, "release_url", ctx.livemode);
  const secret = newSigningSecret();
  return commit(
    ctx,
    async (tx, changes) => {
      // One registration at a time per merchant and mode, so two concurrent creates cannot both pass the check.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`fulfillment_hook:${ctx.merchantId}:${ctx.livemode}`}))`);
      const existing = await activeFulfillmentHook(tx, ctx);
      if (existing) {
        throw new KassaError("resource_already_exists", `This account already has a fulfillment hook in this mode (${existing.id}); delete it first.`);
      }
      const [row] = await tx
        .insert(fulfillmentHooks)
        .values({
          id: newId("fulfillmentHook"),
          merchantId: ctx.merchantId,
          livemode: ctx.livemode,
          reserveUrl,
          confirmUrl,
          releaseUrl,
          description: data.description ?? null,
          ...sealSecret(secret),
        })
        .returning();
      changes.audit({
        action: "fulfillment_hook.created",
        targetType: "fulfillment_hook",
        targetId: row!.id,
        metadata: { reserve_url: reserveUrl, confirm_url: confirmUrl, release_url: releaseUrl },
      });
      return serializeFulfillmentHook(row!, secret);
    },
    { respond: (hook) => hook },
  );
}
