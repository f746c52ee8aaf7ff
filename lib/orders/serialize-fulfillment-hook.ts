import type { FulfillmentHookRow } from "@/db/schema";
import type { z } from "zod";
import type { FulfillmentHookObject as FulfillmentHookSchema } from "./order-object";

/** The API's `fulfillment_hook`; the secret only in the create response. */
export function serializeFulfillmentHook(h: FulfillmentHookRow, secret?: string) {
  return {
    id: h.id,
    object: "fulfillment_hook" as const,
    reserve_url: h.reserveUrl,
    confirm_url: h.confirmUrl,
    release_url: h.releaseUrl,
    description: h.description,
    livemode: h.livemode,
    created: Math.floor(h.createdAt.getTime() / 1000),
    ...(secret ? { secret } : {}),
  } satisfies z.input<typeof FulfillmentHookSchema>;
}
export type FulfillmentHookObject = ReturnType<typeof serializeFulfillmentHook>;
