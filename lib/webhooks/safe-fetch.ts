/**
 * The one way Kassa sends an HTTP request to a merchant's webhook endpoint. It re-checks the URL, resolves
 * the name once and connects only to the addresses that passed (no DNS-rebinding window), keeps the name
 * for Host and TLS SNI so certificates verify, never follows redirects, enforces one deadline over DNS,
 * connect and response, reads at most 4 KB of the body, and reports failures as values, not throws.
 */
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isKassaError } from "@/lib/service/errors";
import { checkWebhookUrl, isAllowedAddress, resolveAndCheck, type LookupAll, type ResolvedAddress } from "./url-guard";

export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_BODY_BYTES = 4096;

export interface SafeFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** One deadline for DNS, connect, TLS, response headers and the first 4 KB of body. */
  timeoutMs?: number;
  livemode: boolean;
  /** Defaults to KASSA_WEBHOOKS_ALLOW_LOOPBACK=1, as in url-guard.ts. */
  allowLoopback?: boolean;
  /** Name resolution; tests inject one. Defaults to dns.promises.lookup(all, verbatim). */
  lookup?: LookupAll;
}

export interface SafeFetchResponse {
  status: number;
  headers: Record<string, string>;
  /** The first 4 KB of the body, decoded as UTF-8; the rest is discarded unread. */
  bodyText: string;
  latencyMs: number;
  redirected: false;
}

export type SafeFetchErrorKind = "timeout" | "refused" | "dns" | "blocked" | "tls" | "network";

export interface SafeFetchFailure {
  error: SafeFetchErrorKind;
  message: string;
  latencyMs: number;
}

export type SafeFetchResult = SafeFetchResponse | SafeFetchFailure;

export function isSafeFetchFailure(result: SafeFetchResult): result is SafeFetchFailure {
  return "error" in result;
}

class TimeoutError extends Error {}
class BlockedError extends Error {}
class TlsError extends Error {
  constructor(readonly code?: string) {
    super("TLS handshake failed");
  }
}

export async function safeFetch(url: string, init: SafeFetchInit): Promise<SafeFetchResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new TimeoutError(`no response within ${timeoutMs} ms`)), timeoutMs);
  try {
    const target = checkWebhookUrl(url, { livemode: init.livemode, allowLoopback: init.allowLoopback });
    const vetted = await untilAborted(
      resolveAndCheck(target.hostname, { allowLoopback: init.allowLoopback, lookup: init.lookup ?? lookupOverride }),
      deadline.signal,
    );
    const response = await send(target, vetted, init, deadline.signal);
    return { ...response, latencyMs: elapsed(), redirected: false };
  } catch (error) {
    return { ...describeFailure(error), latencyMs: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}

/** getaddrinfo cannot be cancelled, so the deadline races it rather than waiting for it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Answers every lookup Node makes for this request with the vetted addresses, and nothing else. */
function pinnedLookup(vetted: ResolvedAddress[]): net.LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const addresses = vetted.filter((a) => wanted === undefined || a.family === wanted);
    const first = addresses[0];
    if (!first) {
      const error: NodeJS.ErrnoException = Object.assign(new Error("no vetted address of the requested family"), { code: "ENOTFOUND" });
      return callback(error, "", 0);
    }
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

function send(target: URL, vetted: ResolvedAddress[], init: SafeFetchInit, signal: AbortSignal): Promise<Omit<SafeFetchResponse, "latencyMs" | "redirected">> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const req = client.request({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method: init.method ?? "POST",
      headers: init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) },
      agent: false, // a fresh connection per delivery: no pooled socket from an earlier resolution
      lookup: pinnedLookup(vetted),
    });
    const fail = (error: unknown) => {
      req.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    req.on("close", () => signal.removeEventListener("abort", onAbort));

    let handshaking = false; // TCP is up, TLS not yet: a failure now is the TLS handshake's
    // Belt and braces: whatever Node connected to must itself be an allowed address.
    req.on("socket", (socket) => {
      socket.once("connect", () => {
        const remote = socket.remoteAddress ?? "";
        if (!isAllowedAddress(remote, { allowLoopback: init.allowLoopback })) {
          fail(new BlockedError("the connection reached an address that is not publicly routable"));
        }
        handshaking = target.protocol === "https:";
      });
      socket.once("secureConnect", () => (handshaking = false));
    });
    req.on("error", (error: NodeJS.ErrnoException) => reject(handshaking ? new TlsError(error.code) : error));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        resolve({ status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), bodyText: Buffer.concat(chunks).toString("utf8") });
      };
      res.on("data", (chunk: Buffer) => {
        const take = chunk.subarray(0, MAX_BODY_BYTES - size);
        chunks.push(take);
        size += take.length;
        // Enough read: close the connection instead of draining a body of unknown (maybe endless) length.
        if (size >= MAX_BODY_BYTES) {
          finish();
          req.destroy();
        }
      });
      res.on("end", finish);
      res.on("error", (error) => (done ? undefined : reject(error)));
      res.on("close", () => (done || res.complete ? finish() : reject(Object.assign(new Error("response ended early"), { code: "ECONNRESET" }))));
    });
    req.end(init.body);
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "ENODATA", "ESERVFAIL", "ENONAME", "ETIMEOUT"]);

/** Messages are ours, built from error codes, so a delivery log never shows internals. */
function describeFailure(error: unknown): Omit<SafeFetchFailure, "latencyMs"> {
  if (error instanceof TimeoutError) return { error: "timeout", message: error.message };
  if (error instanceof TlsError) return { error: "tls", message: `TLS handshake failed (${error.code ?? "unknown"})` };
  if (isKassaError(error) || error instanceof BlockedError) return { error: "blocked", message: error.message };
  const code = String((error as NodeJS.ErrnoException | undefined)?.code ?? "");
  if (code === "ECONNREFUSED") return { error: "refused", message: "connection refused" };
  if (DNS_CODES.has(code)) return { error: "dns", message: `DNS lookup failed (${code})` };
  if (/CERT|^ERR_TLS_|^ERR_SSL_|^EPROTO$|^UNABLE_TO_|^HOSTNAME_MISMATCH$/.test(code)) {
    return { error: "tls", message: `TLS handshake failed (${code})` };
  }
  return { error: "network", message: code ? `network error (${code})` : "network error" };
}

let lookupOverride: LookupAll | undefined;

/**
 * Tests only: the resolver every safeFetch without its own `lookup` uses (undefined restores DNS), so
 * a test can make a registered name point at this machine later, as a rebinding attacker would.
 */
export function setWebhookLookupForTests(lookup: LookupAll | undefined): void {
  if (process.env.NODE_ENV === "production") throw new Error("setWebhookLookupForTests is for tests");
  lookupOverride = lookup;
}

/**
 * At registration: the URL rules, and — when DNS answers within 2 s — no name that already points
 * inside. When DNS cannot answer (offline, a name not live yet) the URL is accepted: every send
 * resolves and checks again before connecting.
 */
export async function checkWebhookUrlAtRegistration(raw: string, opts: { livemode: boolean }): Promise<URL> {
  const url = checkWebhookUrl(raw, opts);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host)) return url;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      resolveAndCheck(host, { lookup: lookupOverride }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("dns timeout")), 2000);
      }),
    ]);
  } catch (error) {
    if (isKassaError(error)) throw error;
  } finally {
    clearTimeout(timer);
  }
  return url;
}
