import { timingSafeEqual } from "node:crypto";
import { KassaError } from "@/lib/service/errors";
import { serve } from "./core";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The adapter for machine callers (schedulers, scrapers): `Authorization: Bearer $SECRET` when the
 * named env var is set. Unset, the endpoint is open in development (the embedded default) and closed
 * in production: a forgotten secret never exposes it.
 */
export function withCron(options: { route: string; secretEnv: string }, handler: (args: { req: Request }) => Promise<Response | unknown>) {
  return (req: Request): Promise<Response> =>
    serve({ caller: "cron", route: options.route }, req, async () => {
      const secret = process.env[options.secretEnv];
      if (!secret && process.env.NODE_ENV === "production") {
        throw new KassaError("unauthorized", `This endpoint is closed: set ${options.secretEnv} and send Authorization: Bearer $${options.secretEnv}.`);
      }
      if (secret) {
        const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
        if (!sameSecret(given, secret)) throw new KassaError("unauthorized", `Send Authorization: Bearer $${options.secretEnv}.`);
      }
      return handler({ req });
    });
}
