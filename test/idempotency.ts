import type { Executor } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";
import { beginIdempotentRequest, hashRequest } from "@/lib/service/idempotency";

/**
 * A POST under an Idempotency-Key whose process dies as soon as the verb returns, before the API
 * wrapper could store anything: the verb's result, and what a retry with the same key then gets
 * (`{ kind: "replay", status, text, body }` only if the verb stored its answer in its own commit; `body` is `text` parsed).
 */
export async function crashThenRetry<T>(db: Executor, ctx: ServiceContext, path: string, verb: (ctx: ServiceContext) => Promise<T>) {
  const key = `crash-${Math.random().toString(36).slice(2)}`;
  const scope = { merchantId: ctx.merchantId, livemode: ctx.livemode, key, method: "POST", path, requestHash: hashRequest("POST", path, {}) };
  const start = await beginIdempotentRequest(db, scope);
  if (start.kind !== "started") throw new Error("the key was not fresh");
  const first = await verb({
    ...ctx,
    idempotencyKey: key,
    idempotency: { id: start.record.id, lockVersion: start.record.lockVersion, recovery: undefined, stored: false },
  });
  const retry = await beginIdempotentRequest(db, scope);
  return { first, retry: retry.kind === "replay" ? { ...retry, body: JSON.parse(retry.text) as unknown } : retry };
}
