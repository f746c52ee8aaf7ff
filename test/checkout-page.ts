import { runCheckoutPageAction } from "@/lib/checkout/checkout-page-actions";
import { clientIp } from "@/lib/http/client-ip";
import { KassaError } from "@/lib/service/errors";

/**
 * One of the checkout page's actions as the page sees it (lib/checkout/checkout-page-client.ts): the answer, or
 * the refused request's `{ ok: false, code, message, param }`. Called in process: the route's own checks (origin,
 * JSON, size) are tested over HTTP in e2e/api/checkout-page-actions.spec.ts.
 */
export async function pageAction(
  action: string,
  sessionId: string,
  body: Record<string, unknown>,
  headers: Headers,
): Promise<{ ok: boolean } & Record<string, unknown>> {
  try {
    return (await runCheckoutPageAction({ action, sessionId, body, client: clientIp(headers) ?? "unknown" })) as { ok: boolean } & Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof KassaError)) throw e;
    return { ok: false, code: e.code, message: e.message, param: e.param ?? null };
  }
}
