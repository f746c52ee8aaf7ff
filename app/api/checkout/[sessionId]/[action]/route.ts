// POST /api/checkout/:sessionId/:action — the hosted checkout page's own calls (pay by card, PayPal, UPI, crypto, their status)
import { runCheckoutPageAction } from "@/lib/checkout/checkout-page-actions";
import { clientIp } from "@/lib/http/client-ip";
import { readJsonBody } from "@/lib/http/read-body";
import { assertSameOriginJson } from "@/lib/http/same-origin";
import { withPublic } from "@/lib/http/with-public";

export const dynamic = "force-dynamic";

/**
 * Only the page itself may call (CSRF: Origin, Sec-Fetch-Site, a JSON body). A decline is the call's answer (200, `ok: false`
 * with the words the page shows), not a failed request: the browser's console stays clean on a customer's declined card.
 */
export const POST = withPublic<{ sessionId: string; action: string }>("/api/checkout/:session/:action", async ({ req, params }) => {
  assertSameOriginJson(req, "this checkout page");
  const { value } = await readJsonBody(req, 8 * 1024);
  return runCheckoutPageAction({ action: params.action, sessionId: params.sessionId, body: value, client: clientIp(req.headers) ?? "unknown" });
});
