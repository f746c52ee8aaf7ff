import type { FulfillmentHookRow } from "@/db/schema";

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
  };
}
export type FulfillmentHookObject = ReturnType<typeof serializeFulfillmentHook>;
