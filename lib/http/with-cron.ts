import { timingSafeEqual } from "node:crypto";
import { KassaError } from "@/lib/service/errors";
import { newId } from "@/lib/ids";
import { logger } from "@/lib/logger";
import { observeRequest } from "@/lib/metrics";
import { errorBody, jsonResponse } from "./respond";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The wrapper for machine callers (schedulers, scrapers): `Authorization: Bearer $SECRET` when the
 * named env var is set. Unset, the endpoint is open in development (the embedded default) and closed
 * in production: a forgotten secret never exposes it.
 */
export function withCron(
  options: { route: string; secretEnv: string },
  handler: (args: { req: Request }) => Promise<Response | unknown>,
) {
  return async (req: Request): Promise<Response> => {
    const started = performance.now();
    const requestId = newId("request");
    let res: Response;
    try {
      const secret = process.env[options.secretEnv];
      if (!secret && process.env.NODE_ENV === "production") {
        throw new KassaError("unauthorized", `This endpoint is closed: set ${options.secretEnv} and send Authorization: Bearer $${options.secretEnv}.`);
      }
      if (secret) {
        const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
        if (!sameSecret(given, secret)) throw new KassaError("unauthorized", `Send Authorization: Bearer $${options.secretEnv}.`);
      }
      const out = await handler({ req });
      res = out instanceof Response ? out : jsonResponse(out);
    } catch (error) {
      const mapped = errorBody(error, requestId);
      if (mapped.status >= 500) logger.error({ err: error, request_id: requestId, route: options.route }, "cron request failed");
      res = jsonResponse(mapped.body, mapped.status);
    }
    res.headers.set("Request-Id", requestId);
    observeRequest(options.route, req.method, res.status, (performance.now() - started) / 1000);
    return res;
  };
}
