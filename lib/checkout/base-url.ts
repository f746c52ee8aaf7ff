/** Kassa's public address for links it hands out (checkout and payment-link URLs). */
export function publicBaseUrl(requestOrigin?: string): string {
  const configured = process.env.KASSA_URL?.replace(/\/+$/, "");
  return configured || requestOrigin || `http://localhost:${process.env.PORT ?? 3000}`;
}
