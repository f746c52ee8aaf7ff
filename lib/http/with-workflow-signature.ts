import { verifySignature } from "@/inngest/signature";
import { KassaError } from "@/lib/service/errors";
import { serve } from "./core";
import { readRawBody } from "./read-body";

/**
 * The adapter for the workflow engine's calls to /api/inngest, in every mode, the embedded executor's
 * included: no signing key configured → every call refused; a sync (PUT) must carry a valid
 * `X-Inngest-Signature` over its body; function calls (POST) are verified by the SDK itself, which runs
 * in cloud mode (inngest/client.ts). The URL the SDK registers comes from INNGEST_SERVE_ORIGIN, set from
 * configuration at start, never from the request. Only a developer's `inngest dev` (INNGEST_DEV, never
 * in production) is unsigned.
 */
export function withWorkflowSignature<R extends Request, C>(handler: (req: R, ctx: C) => Promise<Response>): (req: R, ctx: C) => Promise<Response> {
  return (req, ctx) =>
    serve({ caller: "workflow_engine", route: "/api/inngest" }, req, async () => {
      if (process.env.INNGEST_DEV && process.env.NODE_ENV !== "production") return handler(req, ctx);
      const key = process.env.INNGEST_SIGNING_KEY;
      if (!key) throw new KassaError("workflow_signature_invalid", "This server runs no workflow engine; /api/inngest takes no calls.");
      if (req.method === "GET") return handler(req, ctx);
      const signature = req.headers.get("x-inngest-signature");
      if (!signature) throw new KassaError("workflow_signature_invalid", "Missing X-Inngest-Signature.");
      if (req.method !== "PUT") return handler(req, ctx);
      const raw = await readRawBody(req);
      if (!verifySignature(raw, signature, key))
        throw new KassaError("workflow_signature_invalid", "The X-Inngest-Signature does not match the body, or it is older than 5 minutes.");
      // The body was read to check it: the SDK gets a request with the same bytes.
      return handler(new Request(req.url, { method: "PUT", headers: req.headers, ...(raw ? { body: raw } : {}) }) as R, ctx);
    });
}
