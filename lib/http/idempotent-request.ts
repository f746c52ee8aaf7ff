import type { Executor } from "@/db/client";
import type { ServiceContext } from "@/lib/service/context";
import { failpoint } from "@/lib/failpoints";
import {
  beginIdempotentRequest,
  completeIdempotentRequest,
  completeIdempotentRequestText,
  hashRequest,
  releaseIdempotentRequest,
} from "@/lib/service/idempotency";
import { errorBody, toJson } from "./respond";

export interface IdempotentCall {
  db: Executor;
  ctx: ServiceContext;
  key: string;
  method: string;
  path: string;
  /** The parsed request body, hashed to refuse the key's reuse with other parameters. */
  body: unknown;
  /** The server instance that holds the lock (tests model several processes; default: this one). */
  instanceId?: string;
}

/** The answer: `text` is the JSON to send (a replay's exactly as first sent). */
export type IdempotentAnswer = { replayed: boolean; status: number; text: string };

/**
 * One request under an Idempotency-Key: replays a stored answer, or takes the key's lock (resuming a
 * crashed try's recovery point) and runs the verb. A definite answer — the object, or a 4xx — is stored
 * (by the verb in its last transaction when it can, else here) and replayed; a 5xx releases the lock so
 * a retry may finish the work. Errors are rethrown after that, for the caller to map.
 */
export async function runIdempotent(call: IdempotentCall, verb: (ctx: ServiceContext) => Promise<unknown>): Promise<IdempotentAnswer> {
  const { db, ctx } = call;
  const start = await beginIdempotentRequest(
    db,
    {
      merchantId: ctx.merchantId,
      livemode: ctx.livemode,
      key: call.key,
      method: call.method,
      path: call.path,
      requestHash: hashRequest(call.method, call.path, call.body ?? {}),
    },
    new Date(),
    call.instanceId ? { instanceId: call.instanceId } : {},
  );
  if (start.kind === "replay") return { replayed: true, status: start.status, text: start.text };
  const lock = start.record;
  const held: ServiceContext = {
    ...ctx,
    idempotencyKey: call.key,
    idempotency: { id: lock.id, lockVersion: lock.lockVersion, recovery: lock.recoveryData ?? undefined, stored: false },
  };
  try {
    const text = toJson(await verb(held));
    await failpoint("api.response:before_store");
    if (!held.idempotency!.stored) await completeIdempotentRequestText(db, lock, 200, text);
    return { replayed: false, status: 200, text };
  } catch (error) {
    if (!held.idempotency!.stored) {
      const mapped = errorBody(error, ctx.requestId ?? "");
      if (mapped.status < 500) await completeIdempotentRequest(db, lock, mapped.status, mapped.body);
      else await releaseIdempotentRequest(db, lock);
    }
    throw error;
  }
}
