import { serve } from "./core";

type RouteParams = Record<string, string | string[] | undefined>;

/**
 * The adapter for anonymous callers: a customer's browser opening a payment link, a load balancer's
 * health check, an unknown API path. No authentication; the verb checks what the caller may see. The
 * request core (core.ts) does id, errors, logs and metrics.
 */
export function withPublic<P extends RouteParams = RouteParams>(
  route: string,
  handler: (args: { req: Request; params: P; requestId: string }) => Promise<Response | unknown>,
) {
  return (req: Request, routeCtx?: { params?: Promise<P> }): Promise<Response> =>
    serve({ caller: "public", route }, req, async (call) => handler({ req, params: ((await routeCtx?.params) ?? {}) as P, requestId: call.requestId }));
}
