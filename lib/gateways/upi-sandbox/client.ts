import { ConnectorRequestError, ConnectorUnknownOutcomeError, type ConnectorContext, type RefundResult } from "../types";
import type { UpiConnector, UpiTransaction } from "../upi";
import { sandboxUpiKeys } from "./keys";
import { handlePspRequest, type PspDeps, type PspResponse } from "./psp";
import { signRequest } from "./signing";
import { pspDeps } from "./config";

/**
 * The UpiConnector for the sandbox PSP: every call is a signed request (RSA-SHA256 over timestamp,
 * method, path and body) handed to the PSP's server side, whose answer is read as a remote PSP's:
 * 5xx and lost answers are unknown outcomes, 4xx are refusals. `transport` is the wire (the PSP's
 * handler in this process by default; a test can put faults on it).
 */
export type PspTransport = (req: Parameters<typeof handlePspRequest>[1]) => Promise<PspResponse>;

export function createSandboxUpiClient(opts: { deps?: PspDeps; transport?: PspTransport } = {}): UpiConnector {
  const deps = opts.deps ?? pspDeps;
  const transport = opts.transport ?? ((req) => handlePspRequest(deps, req));

  async function call(ctx: ConnectorContext, method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<PspResponse> {
    const keys = await sandboxUpiKeys(await deps.db());
    const raw = body ? JSON.stringify(body) : "";
    const timestamp = String(deps.now());
    const signature = signRequest(keys.privateKey, { timestamp, method, path, body: raw });
    let res: PspResponse;
    try {
      res = await transport({ method, path, headers: { merchant: ctx.merchantId, livemode: String(ctx.livemode), timestamp, signature }, body: raw });
    } catch (error) {
      throw new ConnectorUnknownOutcomeError("The UPI PSP did not answer; check the transaction's status before retrying.", { cause: error });
    }
    if (res.status >= 500) throw new ConnectorUnknownOutcomeError(`The UPI PSP answered ${res.status}.`);
    return res;
  }

  const refused = (res: PspResponse): never => {
    const e = (res.body.error ?? {}) as { code?: string; message?: string };
    throw new ConnectorRequestError(e.code ?? "processor_error", e.message ?? `The UPI PSP refused the request (${res.status}).`);
  };

  return {
    name: "upi_sandbox",
    async validateVpa(ctx, { vpa }) {
      const res = await call(ctx, "POST", "/v1/vpa/validate", { vpa });
      if (res.status !== 200) return refused(res);
      return { valid: Boolean(res.body.valid), name: (res.body.name as string | null) ?? null };
    },
    async initiate(ctx, input) {
      const res = await call(ctx, "POST", "/v1/transactions", {
        merchant_reference: input.merchantReference,
        payment_id: input.paymentId,
        amount: input.amount.toString(),
        currency: input.currency,
        flow: input.flow,
        vpa: input.vpa,
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        note: input.note,
        payee_name: input.payeeName,
      });
      if (res.status !== 200) return refused(res);
      return toTransaction(res.body);
    },
    async status(ctx, { merchantReference }) {
      const res = await call(ctx, "GET", `/v1/transactions?merchant_reference=${encodeURIComponent(merchantReference)}`);
      if (res.status === 404) return null;
      if (res.status !== 200) return refused(res);
      return toTransaction(res.body);
    },
    async refund(ctx, input) {
      const res = await call(ctx, "POST", "/v1/refunds", {
        transaction: input.pspReference,
        amount: input.amount.toString(),
        idempotency_key: input.idempotencyKey,
      });
      if (res.status !== 200) return refused(res);
      return toRefund(res.body);
    },
    async retrieveRefund(ctx, { idempotencyKey }) {
      const res = await call(ctx, "GET", `/v1/refunds?idempotency_key=${encodeURIComponent(idempotencyKey)}`);
      if (res.status === 404) return null;
      if (res.status !== 200) return refused(res);
      return toRefund(res.body);
    },
    async listRefunds(ctx, { pspReference }) {
      const res = await call(ctx, "GET", `/v1/refunds?transaction=${encodeURIComponent(pspReference)}`);
      if (res.status !== 200) return refused(res);
      return (res.body.data as Record<string, unknown>[]).map(toRefund);
    },
  };
}

function toTransaction(b: Record<string, unknown>): UpiTransaction {
  return {
    pspReference: String(b.id),
    merchantReference: String(b.merchant_reference),
    paymentId: String(b.payment_id),
    amount: BigInt(String(b.amount)),
    currency: String(b.currency),
    flow: b.flow as UpiTransaction["flow"],
    status: b.status as UpiTransaction["status"],
    vpa: (b.vpa as string | null) ?? null,
    payerName: (b.payer_name as string | null) ?? null,
    rrn: (b.rrn as string | null) ?? null,
    intentUrl: (b.intent_url as string | null | undefined) ?? null,
    expiresAt: new Date(Number(b.expires_at) * 1000),
    created: new Date(Number(b.created) * 1000),
  };
}

function toRefund(b: Record<string, unknown>): RefundResult {
  return {
    processorId: String(b.id),
    idempotencyKey: String(b.idempotency_key),
    status: b.status as RefundResult["status"],
    amount: BigInt(String(b.amount)),
    currency: "inr",
    failureReason: null,
  };
}
