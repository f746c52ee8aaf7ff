/** Kassa's public address for links it hands out (checkout and payment-link URLs). */
export function publicBaseUrl(requestOrigin?: string): string {
  const configured = process.env.KASSA_URL?.replace(/\/+$/, "");
  return configured || requestOrigin || `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The origin a request was made to, as the client addressed it (Host header; the proxy's forwarded values first). */
export function requestOrigin(req: Request): string {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host) return new URL(req.url).origin;
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}
