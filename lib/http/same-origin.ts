import { KassaError } from "@/lib/service/errors";

/**
 * A state-changing dashboard request must come from a dashboard page (CSRF): the browser's
 * `Sec-Fetch-Site` is same-origin when sent, `Origin` names this host, and the body is JSON — which
 * a cross-site form or a `no-cors` fetch cannot send. Another port on the same host is another origin.
 */
export function assertSameOriginJson(req: Request, from = "a Kassa dashboard page"): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  const hosts = [req.headers.get("host"), req.headers.get("x-forwarded-host"), new URL(req.url).host].filter(Boolean);
  if ((site && site !== "same-origin") || !originHost || !hosts.includes(originHost)) {
    throw new KassaError("origin_not_allowed", `This request did not come from ${from}. Reload the page and try again.`);
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
    throw new KassaError("content_type_invalid", "Send the body as JSON (Content-Type: application/json).");
  }
}
