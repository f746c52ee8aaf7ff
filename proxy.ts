import { NextResponse, type NextRequest } from "next/server";
import { checkoutCsp, embedOriginParam } from "@/lib/checkout/csp";

/**
 * Checkout pages (hosted page, payment links, sandbox 3DS) get their CSP here, with a fresh nonce
 * that Next.js puts on its own scripts (it reads the policy from the request header).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // Only a checkout session's pages may be framed, and each checks the origin against the session's
  // registered embed_origins; payment links register none, so they are never framed.
  const embeddable = !request.nextUrl.pathname.startsWith("/l/");
  const frameAncestor = embeddable ? embedOriginParam(request.nextUrl.searchParams.get("embed_origin")) : null;
  const csp = checkoutCsp({ nonce, frameAncestor, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", "same-origin");
  response.headers.set("X-Content-Type-Options", "nosniff");
  // Old browsers without frame-ancestors: only the embed flow may be framed at all.
  if (!frameAncestor) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  matcher: ["/pay/:path*", "/l/:path*", "/sandbox/3ds/:path*"],
};
