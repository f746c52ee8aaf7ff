import { createHash } from "node:crypto";
import { and, eq, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { sandboxCharges, sandboxRefunds, type SandboxChargeRow, type SandboxRefundRow } from "@/db/schema";
import { ConnectorRequestError, type Charge, type ConnectorContext, type RefundResult } from "../types";
import type { SandboxConfig } from "./config";

/** What every sandbox verb needs: its own database (never the caller's transaction) and its knobs. */
export interface SandboxDeps {
  db(): Promise<Database>;
  config(): Required<SandboxConfig>;
}

/** Rows of one tenant only: every sandbox query goes through this. */
export function chargeTenant(ctx: ConnectorContext, ...more: SQL[]): SQL {
  return and(eq(sandboxCharges.merchantId, ctx.merchantId), eq(sandboxCharges.livemode, ctx.livemode), ...more)!;
}

export function refundTenant(ctx: ConnectorContext, ...more: SQL[]): SQL {
  return and(eq(sandboxRefunds.merchantId, ctx.merchantId), eq(sandboxRefunds.livemode, ctx.livemode), ...more)!;
}

/** Stable fingerprint of a request's parameters, to tell a replay from a reused key. */
export function requestHash(params: Record<string, string | bigint | null | undefined>): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => [k, params[k] == null ? null : String(params[k])]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export function toCharge(row: SandboxChargeRow): Charge {
  return {
    processorId: row.id,
    idempotencyKey: row.idempotencyKey,
    paymentId: row.paymentId,
    status: row.status,
    captureMethod: row.captureMethod,
    amount: row.amount,
    amountCapturable: row.amountCapturable,
    amountCaptured: row.amountCaptured,
    amountRefunded: row.amountRefunded,
    currency: row.currency,
    paymentMethod: row.card
      ? { id: row.paymentMethod, type: "card", card: { ...row.card } }
      : { id: "paypal", type: "paypal", paypal: row.paypal ? { ...row.paypal } : { payerId: null, payerEmail: null, payerName: null, country: null } },
    failure: row.failure ? { ...row.failure } : null,
    nextAction: row.nextAction ? { type: row.nextAction.type, redirectToUrl: { ...row.nextAction.redirectToUrl } } : null,
    riskLevel: row.riskLevel,
    created: row.createdAt,
  };
}

export function toRefundResult(row: SandboxRefundRow): RefundResult {
  return {
    processorId: row.id,
    idempotencyKey: row.idempotencyKey,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    failureReason: row.failureReason,
  };
}

export async function findCharge(db: Executor, ctx: ConnectorContext, processorId: string): Promise<SandboxChargeRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxCharges)
    .where(chargeTenant(ctx, eq(sandboxCharges.id, processorId)));
  return row;
}

export async function findChargeByKey(db: Executor, ctx: ConnectorContext, idempotencyKey: string): Promise<SandboxChargeRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxCharges)
    .where(chargeTenant(ctx, eq(sandboxCharges.idempotencyKey, idempotencyKey)));
  return row;
}

// --- request checks, with Stripe's codes ---------------------------------------------------

export function noSuchCharge(processorId: string): ConnectorRequestError {
  return new ConnectorRequestError("resource_missing", `No such payment_intent: '${processorId}'`, "id");
}

export function keyReused(idempotencyKey: string): ConnectorRequestError {
  return new ConnectorRequestError(
    "idempotency_key_reused",
    `Keys for idempotent requests can only be used with the same parameters they were first used with (key '${idempotencyKey}').`,
    "idempotency_key",
  );
}

export function assertIdempotencyKey(key: string): void {
  if (typeof key !== "string" || key.length === 0 || key.length > 255) {
    throw new ConnectorRequestError("idempotency_key_invalid", "An idempotency key must be 1 to 255 characters.", "idempotency_key");
  }
}

export function assertPositiveAmount(amount: bigint): void {
  if (typeof amount !== "bigint" || amount <= 0n) {
    throw new ConnectorRequestError("parameter_invalid_integer", "Amount must be a positive integer in the currency's minor unit.", "amount");
  }
}
