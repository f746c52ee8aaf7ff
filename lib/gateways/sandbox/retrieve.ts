import { eq } from "drizzle-orm";
import { sandboxRefunds } from "@/db/schema";
import type { Charge, ConnectorContext, RefundResult, RetrieveInput } from "../types";
import { sleep } from "./config";
import { findCharge, findChargeByKey, refundTenant, toCharge, toRefundResult, type SandboxDeps } from "./store";

/** A charge by the key it was made with or by its id; null when nothing reached the sandbox. */
export async function retrieve(deps: SandboxDeps, ctx: ConnectorContext, input: RetrieveInput): Promise<Charge | null> {
  await sleep(deps.config().latencyMs);
  const db = await deps.db();
  const row = "processorId" in input ? await findCharge(db, ctx, input.processorId) : await findChargeByKey(db, ctx, input.idempotencyKey);
  return row ? toCharge(row) : null;
}

export async function retrieveRefund(deps: SandboxDeps, ctx: ConnectorContext, input: { idempotencyKey: string }): Promise<RefundResult | null> {
  await sleep(deps.config().latencyMs);
  const db = await deps.db();
  const [row] = await db
    .select()
    .from(sandboxRefunds)
    .where(refundTenant(ctx, eq(sandboxRefunds.idempotencyKey, input.idempotencyKey)));
  return row ? toRefundResult(row) : null;
}

/** Every refund of one charge, oldest first. */
export async function listRefunds(deps: SandboxDeps, ctx: ConnectorContext, input: { processorId: string }): Promise<RefundResult[]> {
  const db = await deps.db();
  const rows = await db
    .select()
    .from(sandboxRefunds)
    .where(refundTenant(ctx, eq(sandboxRefunds.chargeId, input.processorId)))
    .orderBy(sandboxRefunds.id);
  return rows.map(toRefundResult);
}
