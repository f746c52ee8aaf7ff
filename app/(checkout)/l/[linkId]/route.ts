// GET /l/:linkId — a payment link: a fresh checkout session for each visit, then the hosted page
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { findPaymentLink } from "@/lib/payment-links/load-payment-link";
import { startPaymentLinkCheckout } from "@/lib/payment-links/start-checkout";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ linkId: string }> }): Promise<Response> {
  const { linkId } = await params;
  const origin = requestOrigin(req);
  const found = await findPaymentLink(await getDb(), linkId);
  // Unknown, inactive and customer-chosen-amount links are answered by the page under /amount.
  if (!found || !found.link.active || found.link.amount === null) return redirect(`/l/${encodeURIComponent(linkId)}/amount`, origin);
  const { sessionId } = await startPaymentLinkCheckout({ linkId, baseUrl: publicBaseUrl(origin) });
  return redirect(`/pay/${sessionId}`, origin);
}

function redirect(path: string, base: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, base).toString(), "Cache-Control": "no-store" } });
}
