import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { sandboxRequests, type SandboxChargeRow } from "@/db/schema";
import type { Charge, ConnectorContext, ConnectorRequestError } from "../types";
import { drawFault, faultError, sleep } from "./config";
import { findCharge, keyReused, noSuchCharge, toCharge, type SandboxDeps } from "./store";

/**
 * The shape shared by capture and cancel: claim the idempotency key and change the charge in one
 * transaction. The key row is inserted first, so a concurrent call with the same key waits for this
 * one and then replays it; a rejected change rolls back and leaves the key unused.
 */
export async function changeCharge(
  deps: SandboxDeps,
  ctx: ConnectorContext,
  args: {
    operation: "capture" | "cancel";
    processorId: string;
    idempotencyKey: string;
    requestHash: string;
    /** Applies the change if the charge allows it; returns the changed row or undefined. */
    apply(tx: Transaction): Promise<SandboxChargeRow | undefined>;
    /** Why the charge refused the change (called only when apply changed nothing). */
    rejection(charge: SandboxChargeRow): ConnectorRequestError;
  },
): Promise<Charge> {
  const config = deps.config();
  await sleep(config.latencyMs);
  const fault = drawFault(config);
  if (fault === "before") throw faultError(args.operation, fault);
  const db = await deps.db();

  const changed = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(sandboxRequests)
      .values({
        merchantId: ctx.merchantId,
        livemode: ctx.livemode,
        operation: args.operation,
        idempotencyKey: args.idempotencyKey,
        requestHash: args.requestHash,
        chargeId: args.processorId,
      })
      .onConflictDoNothing()
      .returning({ chargeId: sandboxRequests.chargeId });
    if (!claimed) return null;
    const row = await args.apply(tx);
    if (row) return row;
    const current = await findCharge(tx, ctx, args.processorId);
    throw current ? args.rejection(current) : noSuchCharge(args.processorId);
  });

  let result: SandboxChargeRow;
  if (changed) {
    result = changed;
  } else {
    // A replay: same key, same operation. Answer with the charge as it stands now.
    const [request] = await db
      .select()
      .from(sandboxRequests)
      .where(
        and(
          eq(sandboxRequests.merchantId, ctx.merchantId),
          eq(sandboxRequests.livemode, ctx.livemode),
          eq(sandboxRequests.operation, args.operation),
          eq(sandboxRequests.idempotencyKey, args.idempotencyKey),
        ),
      );
    if (!request || request.requestHash !== args.requestHash) throw keyReused(args.idempotencyKey);
    const charge = await findCharge(db, ctx, request.chargeId);
    if (!charge) throw noSuchCharge(request.chargeId);
    result = charge;
  }
  if (fault === "after") throw faultError(args.operation, fault);
  return toCharge(result);
}
