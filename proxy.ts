import { NextResponse, type NextRequest } from "next/server";
import { appCsp, checkoutCsp, embedOriginParam } from "@/lib/checkout/csp";

const CHECKOUT = /^\/(pay|l|sandbox\/3ds|sandbox\/paypal|billing)\//;
/** Pages a registered merchant origin may frame (the embed flow): a checkout session's, never a payment link's or the billing portal's. */
const EMBEDDABLE = /^\/(pay|sandbox\/3ds)\//;
/** The hosted invoice's PDF: Chrome applies a page's CSP to its PDF viewer, which `object-src 'none'` leaves blank. */
const INVOICE_PDF = /^\/invoice\/[^/]+\/pdf$/;

/**
 * Every page gets its CSP here, with a fresh nonce that Next.js puts on its own scripts (it reads the
 * policy from the request header): checkout pages (hosted page, payment links, sandbox 3DS) and the
 * customer billing portal (its card form) allow Stripe's domains, a checkout session's pages the embed
 * flow too; all others allow nothing but this origin and are never framed.
 */
export function proxy(request: NextRequest) {
  // Not a page: next.config.ts's headers (never framed, nosniff, referrer kept to this origin) are all it needs.
  if (INVOICE_PDF.test(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  if (!CHECKOUT.test(request.nextUrl.pathname)) return withCsp(request, nonce, appCsp({ nonce, dev }));
  // Only a checkout session's pages may be framed, and each checks the origin against the session's
  // registered embed_origins; payment links and the billing portal register none, so they are never framed.
  const embeddable = EMBEDDABLE.test(request.nextUrl.pathname);
  const frameAncestor = embeddable ? embedOriginParam(request.nextUrl.searchParams.get("embed_origin")) : null;
  const response = withCsp(request, nonce, checkoutCsp({ nonce, frameAncestor, dev }));
  // Old browsers without frame-ancestors: only the embed flow may be framed at all.
  if (!frameAncestor) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

function withCsp(request: NextRequest, nonce: string, csp: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  return response;
}

export const config = {
  // Pages only: not the API, Next's static files, or files in public/.
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.svg|embed\\.js).*)"],
};
