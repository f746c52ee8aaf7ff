/**
 * The Content-Security-Policy of the checkout pages: self plus exactly the Stripe domains Stripe
 * documents for Stripe.js and Elements. Framing is refused unless the page was opened through the
 * embed flow for one origin (the page then checks that origin against the session's embed_origins,
 * so a site can frame only a session made for it).
 */
export const STRIPE_CSP = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
} as const;

export function checkoutCsp({ nonce, frameAncestor, dev = false }: { nonce: string; frameAncestor: string | null; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${STRIPE_CSP.script.join(" ")}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `frame-src ${STRIPE_CSP.frame.join(" ")}`,
    `connect-src 'self' ${STRIPE_CSP.connect.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestor ?? "'none'"}`,
  ].join("; ");
}

/** The `embed_origin` query parameter, if it is exactly an http(s) origin; anything else means "not embedded". */
export function embedOriginParam(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    if ((u.protocol === "https:" || u.protocol === "http:") && u.origin === value) return value;
  } catch {
    // not a URL
  }
  return null;
}

/**
 * The Content-Security-Policy of every other page (dashboard, sign-in): scripts only with this
 * request's nonce (and what they load, 'strict-dynamic'), nothing from other origins, never framed.
 */
export function appCsp({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
