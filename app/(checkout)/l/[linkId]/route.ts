// GET /l/:linkId — a payment link: rate-limited per client IP, the browser's open session for the link or a fresh one, then the hosted page
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { withPublic } from "@/lib/http/with-public";
import { findPaymentLink } from "@/lib/payment-links/load-payment-link";
import { startPaymentLinkCheckout } from "@/lib/payment-links/start-checkout";
import { publicBaseUrl, requestOrigin } from "@/lib/public-url";
import { paymentLinkRateLimiter } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

export const GET = withPublic<{ linkId: string }>("/l/:linkId", async ({ req, params }) => {
  const { linkId } = params;
  const origin = publicBaseUrl(requestOrigin(req)); // KASSA_URL in production, never a forged Host
  const limit = await paymentLinkRateLimiter().limit(`${clientIp(req.headers) ?? "unknown"}|${linkId}`);
  if (!limit.success) return tooMany(limit.reset);
  const found = await findPaymentLink(await getDb(), linkId);
  // Unknown, inactive and customer-chosen-amount links are answered by the page under /amount.
  if (!found || !found.link.active || found.link.amount === null) return redirect(`/l/${encodeURIComponent(linkId)}/amount`, origin);
  const cookie = `kassa_link_${found.link.id}`;
  const reuse =
    (req.headers.get("cookie") ?? "")
      .split(";")
      .map((c) => c.trim().split("="))
      .find(([name]) => name === cookie)?.[1] ?? null;
  const { sessionId } = await startPaymentLinkCheckout({ linkId, baseUrl: origin, reuse });
  const res = redirect(`/pay/${sessionId}`, origin);
  res.headers.append(
    "Set-Cookie",
    `${cookie}=${sessionId}; Path=/l/${found.link.id}; Max-Age=86400; HttpOnly; SameSite=Lax${origin.startsWith("https:") ? "; Secure" : ""}`,
  );
  return res;
});

function redirect(path: string, base: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, base).toString(), "Cache-Control": "no-store" } });
}

function tooMany(reset: number): Response {
  const retryAfter = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
  return new Response("Too many requests for this payment link. Wait a minute and open it again.", {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(retryAfter), "Cache-Control": "no-store" },
  });
}
