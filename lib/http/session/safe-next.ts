const PROBE = "http://kassa.invalid";

/**
 * Where to go after signing in: a path on this site, or `fallback`. Resolved against a probe origin
 * and compared, so `//evil`, `/\evil` (browsers read `\` as `/`), control characters that URL parsers
 * drop (`/\t/evil`), `javascript:` and absolute URLs all fall back.
 */
export function safeNext(next: string | null | undefined, fallback = "/dashboard"): string {
  if (!next || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, PROBE);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
