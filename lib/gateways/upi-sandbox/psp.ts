import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { sandboxUpiRefunds, sandboxUpiTransactions, type SandboxUpiRefundRow, type SandboxUpiTransactionRow, type UpiFlow } from "@/db/schema";
import { newId } from "@/lib/ids";
import { toDecimalString } from "@/lib/money";
import { requestHash } from "../sandbox/store";
import { sandboxUpiKeys } from "./keys";
import { verifyRequest } from "./signing";
import { holderName, LATE_AFTER_EXPIRY_MS, testVpa, UNKNOWN_VPA } from "./test-vpas";

/**
 * The sandbox UPI PSP's server side: what a PSP's API does with Kassa's signed requests, on its own
 * tables. It verifies each request's RSA-SHA256 signature (keys.ts) before anything else and answers
 * with HTTP-style statuses and JSON, so the client (client.ts) treats it exactly as a remote PSP.
 * Outcomes are decided lazily by its clock: a status check (or the callback timer) after a test VPA's
 * time finds the transaction paid, failed or expired.
 */
export interface PspDeps {
  db(): Promise<Database>;
  now(): number;
  /** Tests: hears every verified request with the PSP's clock (how many status checks, and when). */
  observe?(req: PspRequest, at: number): void;
}

export interface PspRequest {
  method: "GET" | "POST";
  /** Path and query, e.g. /v1/transactions?merchant_reference=pa_… */
  path: string;
  headers: { merchant: string; livemode: string; timestamp: string | null; signature: string | null };
  body: string;
}

export interface PspResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Where the sandbox's merchants are paid in intent links (`pa`). */
export const payeeVpaOf = (merchantId: string) => `kassa.${merchantId.slice(-10)}@kassapsp`;

const error = (status: number, code: string, message: string): PspResponse => ({ status, body: { error: { code, message } } });

export async function handlePspRequest(deps: PspDeps, req: PspRequest): Promise<PspResponse> {
  const db = await deps.db();
  const keys = await sandboxUpiKeys(db);
  const { timestamp, signature } = req.headers;
  if (!verifyRequest(keys.publicKey, { timestamp, signature, method: req.method, path: req.path, body: req.body, now: deps.now() })) {
    return error(401, "signature_invalid", "The request's signature does not verify with the merchant's public key, or it is older than 5 minutes.");
  }
  deps.observe?.(req, deps.now());
  const tenant = { merchantId: req.headers.merchant, livemode: req.headers.livemode === "true" };
  const url = new URL(req.path, "http://psp.invalid");
  let body: Record<string, unknown> = {};
  try {
    body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  } catch {
    return error(400, "body_invalid", "The body is not JSON.");
  }
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case "POST /v1/vpa/validate":
      return { status: 200, body: validate(String(body.vpa ?? "")) };
    case "POST /v1/transactions":
      return initiate(deps, db, tenant, body);
    case "GET /v1/transactions": {
      const ref = url.searchParams.get("merchant_reference") ?? "";
      const row = await findTransaction(db, tenant, ref);
      if (!row) return error(404, "transaction_not_found", `No transaction with merchant_reference ${ref}.`);
      return { status: 200, body: transactionJson(await settle(db, row, deps.now())) };
    }
    case "POST /v1/refunds":
      return refund(db, tenant, body);
    case "GET /v1/refunds": {
      const key = url.searchParams.get("idempotency_key");
      const txn = url.searchParams.get("transaction");
      if (key) {
        const [row] = await db
          .select()
          .from(sandboxUpiRefunds)
          .where(and(refundTenant(tenant), eq(sandboxUpiRefunds.idempotencyKey, key)));
        return row ? { status: 200, body: refundJson(row) } : error(404, "refund_not_found", `No refund with idempotency_key ${key}.`);
      }
      const rows = await db
        .select()
        .from(sandboxUpiRefunds)
        .where(and(refundTenant(tenant), eq(sandboxUpiRefunds.transactionId, txn ?? "")));
      return { status: 200, body: { data: rows.map(refundJson) } };
    }
    default:
      return error(404, "route_not_found", `No route ${route}.`);
  }
}

type Tenant = { merchantId: string; livemode: boolean };
const txnTenant = (t: Tenant) => and(eq(sandboxUpiTransactions.merchantId, t.merchantId), eq(sandboxUpiTransactions.livemode, t.livemode));
const refundTenant = (t: Tenant) => and(eq(sandboxUpiRefunds.merchantId, t.merchantId), eq(sandboxUpiRefunds.livemode, t.livemode));

function validate(vpa: string): { valid: boolean; name: string | null } {
  if (vpa === UNKNOWN_VPA) return { valid: false, name: null };
  return { valid: true, name: testVpa(vpa)?.name ?? holderName(vpa) };
}

async function findTransaction(db: Database, tenant: Tenant, merchantReference: string): Promise<SandboxUpiTransactionRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxUpiTransactions)
    .where(and(txnTenant(tenant), eq(sandboxUpiTransactions.merchantReference, merchantReference)));
  return row;
}

async function initiate(deps: PspDeps, db: Database, tenant: Tenant, body: Record<string, unknown>): Promise<PspResponse> {
  const merchantReference = String(body.merchant_reference ?? "");
  const flow = String(body.flow ?? "") as UpiFlow;
  const vpa = typeof body.vpa === "string" ? body.vpa : null;
  if (!merchantReference || !["intent", "qr", "collect"].includes(flow)) return error(400, "parameter_invalid", "merchant_reference and flow are required.");
  if (flow === "collect" && !vpa) return error(400, "parameter_missing", "A collect request needs the payer's vpa.");
  if (vpa === UNKNOWN_VPA) return error(400, "vpa_invalid", `${vpa} is not a UPI account.`);
  const hash = requestHash({ amount: String(body.amount), currency: String(body.currency), flow, vpa, payment: String(body.payment_id) });
  const existing = await findTransaction(db, tenant, merchantReference);
  if (existing) {
    if (existing.requestHash !== hash) return error(409, "idempotency_error", "This merchant_reference was used with other parameters.");
    return { status: 200, body: transactionJson(await settle(db, existing, deps.now())) };
  }
  const now = deps.now();
  const expiresAt = new Date(Number(body.expires_at) * 1000);
  const test = testVpa(vpa);
  const decideAt = !test
    ? null
    : test.afterMs === "after_expiry"
      ? expiresAt.getTime() + LATE_AFTER_EXPIRY_MS
      : Number.isFinite(test.afterMs)
        ? now + test.afterMs
        : null;
  const id = newId("sandboxUpiTransaction");
  const row: SandboxUpiTransactionRow = {
    id,
    ...tenant,
    merchantReference,
    requestHash: hash,
    paymentId: String(body.payment_id),
    amount: BigInt(String(body.amount)),
    currency: String(body.currency),
    flow,
    vpa,
    payerName: vpa ? validate(vpa).name : null,
    status: "pending",
    behaviour: test?.behaviour ?? "app",
    decideAt: decideAt === null ? null : new Date(decideAt),
    callback: test?.callback ?? true,
    expiresAt,
    intentUrl:
      flow === "collect"
        ? null
        : intentUrl({ id, merchantId: tenant.merchantId, amount: BigInt(String(body.amount)), paymentId: String(body.payment_id) }, body),
    rrn: null,
    decidedAt: null,
    callbackSentAt: null,
    createdAt: new Date(now),
    updatedAt: new Date(now),
  };
  await db.insert(sandboxUpiTransactions).values(row).onConflictDoNothing();
  return { status: 200, body: transactionJson((await findTransaction(db, tenant, merchantReference))!) };
}

/** The NPCI deep link the customer's app opens (and the QR encodes). */
function intentUrl(row: Pick<SandboxUpiTransactionRow, "id" | "merchantId" | "amount" | "paymentId">, body: Record<string, unknown>): string {
  const q = new URLSearchParams({
    pa: payeeVpaOf(row.merchantId),
    pn: String(body.payee_name ?? "").slice(0, 50) || "Kassa merchant",
    am: toDecimalString(row.amount, "inr"),
    tr: row.id,
    tn: String(body.note ?? "").slice(0, 50) || row.paymentId,
    cu: "INR",
  });
  return `upi://pay?${q.toString().replace(/\+/g, "%20")}`;
}

/**
 * Moves a pending transaction to its outcome when the clock says it happened: the test VPA's time came
 * (or the tester decided on the app page), or it expired unpaid (late@kassa pays even after that).
 */
export async function settle(db: Database, row: SandboxUpiTransactionRow, now: number): Promise<SandboxUpiTransactionRow> {
  if (row.status !== "pending") return row;
  let next: Partial<SandboxUpiTransactionRow> | null = null;
  if (row.decideAt && row.decideAt.getTime() <= now) {
    next =
      row.behaviour === "failure"
        ? { status: "failed" }
        : { status: "success", rrn: newRrn(), vpa: row.vpa ?? "customer@kassa", payerName: row.payerName ?? "UPI Customer" };
  } else if (now >= row.expiresAt.getTime() && row.behaviour !== "late") {
    next = { status: "expired" };
  }
  if (!next) return row;
  return decide(db, row, { ...next, decidedAt: new Date(now) });
}

/** The tester's decision on the sandbox app page, as the customer's UPI app would report it. */
export async function decideByApp(
  deps: PspDeps,
  id: string,
  outcome: "approve" | "decline",
  payerVpa: string,
): Promise<{ row: SandboxUpiTransactionRow; changed: boolean }> {
  const db = await deps.db();
  const [found] = await db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.id, id));
  if (!found) throw new Error(`no sandbox UPI transaction ${id}`);
  const row = await settle(db, found, deps.now());
  if (row.status !== "pending") return { row, changed: false };
  const decided = await decide(db, row, {
    ...(outcome === "approve" ? { status: "success", rrn: newRrn() } : { status: "failed" }),
    vpa: row.vpa ?? payerVpa,
    payerName: row.payerName ?? validate(payerVpa).name,
    decidedAt: new Date(deps.now()),
  });
  return { row: decided, changed: decided.status !== "pending" };
}

async function decide(db: Database, row: SandboxUpiTransactionRow, next: Partial<SandboxUpiTransactionRow>): Promise<SandboxUpiTransactionRow> {
  const [updated] = await db
    .update(sandboxUpiTransactions)
    .set(next)
    .where(and(eq(sandboxUpiTransactions.id, row.id), eq(sandboxUpiTransactions.status, "pending")))
    .returning();
  if (updated) return updated;
  // Someone else decided first: theirs stands.
  const [current] = await db.select().from(sandboxUpiTransactions).where(eq(sandboxUpiTransactions.id, row.id));
  return current!;
}

async function refund(db: Database, tenant: Tenant, body: Record<string, unknown>): Promise<PspResponse> {
  const key = String(body.idempotency_key ?? "");
  const amount = BigInt(String(body.amount ?? "0"));
  const [txn] = await db
    .select()
    .from(sandboxUpiTransactions)
    .where(and(txnTenant(tenant), eq(sandboxUpiTransactions.id, String(body.transaction ?? ""))));
  if (!key || amount <= 0n) return error(400, "parameter_invalid", "idempotency_key and a positive amount are required.");
  if (!txn) return error(404, "transaction_not_found", "No such transaction.");
  const [existing] = await db
    .select()
    .from(sandboxUpiRefunds)
    .where(and(refundTenant(tenant), eq(sandboxUpiRefunds.idempotencyKey, key)));
  if (existing) return { status: 200, body: refundJson(existing) };
  if (txn.status !== "success") return error(400, "transaction_not_paid", "Only a paid transaction can be refunded.");
  const done = (await db.select().from(sandboxUpiRefunds).where(eq(sandboxUpiRefunds.transactionId, txn.id))).reduce((s, r) => s + r.amount, 0n);
  if (done + amount > txn.amount) return error(400, "amount_too_large", "The refund is more than what is left of the transaction.");
  await db
    .insert(sandboxUpiRefunds)
    .values({ id: newId("sandboxUpiRefund"), ...tenant, transactionId: txn.id, idempotencyKey: key, amount, status: "succeeded" })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(sandboxUpiRefunds)
    .where(and(refundTenant(tenant), eq(sandboxUpiRefunds.idempotencyKey, key)));
  return { status: 200, body: refundJson(row!) };
}

const newRrn = () => String(randomInt(1, 10)) + String(randomInt(0, 100_000_000_000)).padStart(11, "0");

export function transactionJson(row: SandboxUpiTransactionRow): Record<string, unknown> {
  return {
    id: row.id,
    merchant_reference: row.merchantReference,
    payment_id: row.paymentId,
    amount: row.amount.toString(),
    currency: row.currency,
    flow: row.flow,
    status: row.status,
    vpa: row.vpa,
    payer_name: row.payerName,
    rrn: row.rrn,
    intent_url: row.intentUrl,
    expires_at: Math.floor(row.expiresAt.getTime() / 1000),
    created: Math.floor(row.createdAt.getTime() / 1000),
  };
}

function refundJson(row: SandboxUpiRefundRow): Record<string, unknown> {
  return { id: row.id, idempotency_key: row.idempotencyKey, transaction: row.transactionId, amount: row.amount.toString(), status: row.status };
}
