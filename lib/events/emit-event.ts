import type { Executor } from "@/db/client";
import { events } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { ServiceContext } from "@/lib/context";
import { markOutboxWrite } from "./outbox-signal";

/** Writes an outbox event; call it inside the transaction that makes the change. */
export async function emitEvent(
  tx: Executor,
  ctx: ServiceContext,
  type: string,
  object: Record<string, unknown>,
  previousAttributes?: Record<string, unknown>,
): Promise<string> {
  const id = newId("event");
  await tx.insert(events).values({
    id,
    merchantId: ctx.merchantId,
    livemode: ctx.livemode,
    type,
    data: previousAttributes ? { object, previous_attributes: previousAttributes } : { object },
    requestId: ctx.requestId ?? null,
    idempotencyKey: ctx.idempotencyKey ?? null,
  });
  markOutboxWrite(tx);
  return id;
}
