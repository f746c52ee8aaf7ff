/**
 * `next dev` compiles a route, and the client chunks its page loads, on the first request for it:
 * 10–20 s each on a 2-core machine. After the first start, the dev server asks for the routes a
 * newcomer opens first, so their first click does not pay for that. Signed out, the dashboard's
 * pages redirect to /login, but the route (and its client chunks) is compiled to answer at all.
 */
export const WARM_ROUTES = [
  { path: "/login", label: "the sign-in page" },
  { path: "/dashboard", label: "the dashboard" },
  { path: "/payments", label: "the payments list" },
  { path: "/payments/pay_warmup", label: "a payment page" },
  { path: "/payment-links", label: "payment links" },
  { path: "/pay/cs_warmup", label: "the hosted checkout" },
] as const;

export interface WarmUpResult {
  ms: number;
  routes: { path: string; status: number | null; ms: number }[];
}

/** Script files a page asks for (`/_next/…`), so that they are built now rather than in the browser. */
export function scriptsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]+src="(\/_next\/[^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&")))];
}

/** Requests each route (and the scripts its HTML names) one after another; never throws. */
export async function warmUp(origin: string, routes: readonly { path: string }[] = WARM_ROUTES, timeoutMs = 180_000): Promise<WarmUpResult> {
  const started = performance.now();
  const out: WarmUpResult["routes"] = [];
  for (const { path } of routes) {
    const t = performance.now();
    let status: number | null = null;
    try {
      const res = await fetch(new URL(path, origin), { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      status = res.status;
      const html = await res.text();
      await Promise.all(
        scriptsOf(html).map((src) =>
          fetch(new URL(src, origin), { signal: AbortSignal.timeout(timeoutMs) })
            .then((r) => r.arrayBuffer())
            .catch(() => undefined),
        ),
      );
    } catch {
      // A route that did not answer is simply not warm; the person opening it waits as before.
    }
    out.push({ path, status, ms: Math.round(performance.now() - t) });
  }
  return { ms: Math.round(performance.now() - started), routes: out };
}
