import { getDb } from "@/db/client";
import { sandboxUpiKeys } from "@/lib/gateways/upi-sandbox/keys";
import { verifyCallback } from "@/lib/gateways/upi-sandbox/signing";
import { KassaError } from "@/lib/service/errors";
import { serve } from "./core";
import { readRawBody } from "./read-body";

/**
 * The adapter for a UPI PSP's callbacks: the exact raw body (at most 64 KB) → `X-Upi-Signature`
 * (`sha256=` + hex HMAC-SHA256 of the body with the PSP's callback secret) verified over it → the
 * handler's one verb with the parsed JSON. A forged or re-serialised callback is 400 upi_signature_invalid
 * and changes nothing. The same in every mode: the sandbox PSP's secret is made on first use and kept
 * sealed in Postgres (UPI_SANDBOX_CALLBACK_SECRET overrides it).
 */
export function withUpiSignature(route: string, handler: (args: { payload: unknown; requestId: string }) => Promise<unknown>) {
  return (req: Request): Promise<Response> =>
    serve({ caller: "upi_psp", route }, req, async (call) => {
      const raw = await readRawBody(req, 64 * 1024);
      const { callbackSecret } = await sandboxUpiKeys(await getDb());
      if (!verifyCallback(callbackSecret, raw, req.headers.get("x-upi-signature"))) {
        throw new KassaError("upi_signature_invalid", "The X-Upi-Signature does not match the body.");
      }
      let payload: unknown;
      try {
        payload = JSON.parse(raw);
      } catch {
        throw new KassaError("body_not_json", "The callback body is not JSON.");
      }
      return handler({ payload, requestId: call.requestId });
    });
}
