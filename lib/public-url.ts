/**
 * Kassa's public address for links it hands out and stores (checkout and payment-link URLs, in events
 * and webhooks too). In production it is KASSA_URL, required at start (assertPublicUrlConfigured): a
 * request's Host or X-Forwarded-Host never reaches a stored URL. In development, without KASSA_URL,
 * links follow the address the developer opened (`requestOrigin`), else localhost.
 */
export function publicBaseUrl(requestOrigin?: string): string {
  const configured = process.env.KASSA_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") throw new Error("KASSA_URL is not set; Kassa refuses to build links from request headers in production.");
  return httpOrigin(requestOrigin) ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * Just the scheme, host and port of `value`, and only for http(s): a forged Host in development is the
 * developer's own, but it still never makes a link with another scheme, a path or credentials.
 */
function httpOrigin(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses to start in production without KASSA_URL (an absolute http(s) URL). */
export function assertPublicUrlConfigured(env: Record<string, string | undefined> = process.env): void {
  if (env.NODE_ENV !== "production") return;
  const raw = env.KASSA_URL;
  let ok = false;
  try {
    ok = !!raw && /^https?:$/.test(new URL(raw).protocol);
  } catch {
    ok = false;
  }
  if (!ok)
    throw new Error(
      "KASSA_URL must be set to Kassa's public URL (e.g. https://pay.example.com) in production: links in checkouts, events and webhooks are built from it, never from request headers.",
    );
}

/** The origin a request was made to, from its Host header (development only; see publicBaseUrl). */
export function requestOrigin(req: Request): string {
  const host = req.headers.get("host");
  return host ? `${new URL(req.url).protocol}//${host}` : new URL(req.url).origin;
}
