/**
 * SSRF guard for outbound webhooks: which URLs a merchant may register, and which addresses Kassa may
 * connect to once a name is resolved. Checked at registration (checkWebhookUrl) and again at send time
 * (resolveAndCheck, used by safe-fetch.ts, which connects only to the addresses vetted here).
 */
import dns from "node:dns";
import net from "node:net";
import { KassaError } from "@/lib/service/errors";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "link_local"
  | "cgnat"
  | "unique_local"
  | "site_local"
  | "unspecified"
  | "multicast"
  | "broadcast"
  | "benchmark"
  | "documentation"
  | "tunnel"
  | "reserved"
  | "invalid";

export interface GuardOptions {
  /** Allow 127.0.0.0/8 and ::1 only (local development and tests). */
  allowLoopback?: boolean;
}

export interface CheckUrlOptions extends GuardOptions {
  livemode: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a name to every address it has; injectable so tests can map a name anywhere. */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const MAX_WEBHOOK_URL_LENGTH = 2048;

// Ordered: the first matching range names the class (IANA special-purpose address registries).
const V4_RANGES: [AddressClass, string, number][] = [
  ["unspecified", "0.0.0.0", 8],
  ["private", "10.0.0.0", 8],
  ["cgnat", "100.64.0.0", 10],
  ["loopback", "127.0.0.0", 8],
  ["link_local", "169.254.0.0", 16],
  ["private", "172.16.0.0", 12],
  ["reserved", "192.0.0.0", 24], // IETF protocol assignments
  ["documentation", "192.0.2.0", 24],
  ["reserved", "192.88.99.0", 24], // deprecated 6to4 relay anycast
  ["private", "192.168.0.0", 16],
  ["benchmark", "198.18.0.0", 15],
  ["documentation", "198.51.100.0", 24],
  ["documentation", "203.0.113.0", 24],
  ["multicast", "224.0.0.0", 4],
  ["broadcast", "255.255.255.255", 32],
  ["reserved", "240.0.0.0", 4],
];

// Embedded-IPv4 prefixes (mapped, NAT64, 6to4) are handled before these, by the IPv4 they carry.
const V6_RANGES: [AddressClass, string, number][] = [
  ["unspecified", "::", 128],
  ["loopback", "::1", 128],
  ["reserved", "::", 96], // deprecated IPv4-compatible ::a.b.c.d
  ["private", "64:ff9b:1::", 48], // local-use NAT64
  ["reserved", "100::", 64], // discard-only
  ["tunnel", "2001::", 32], // Teredo: the real client is hidden in obfuscated bits
  ["benchmark", "2001:2::", 48],
  ["documentation", "2001:db8::", 32],
  ["reserved", "2001::", 23], // IETF protocol assignments
  ["documentation", "3fff::", 20],
  ["reserved", "5f00::", 16], // SRv6 SIDs
  ["unique_local", "fc00::", 7],
  ["link_local", "fe80::", 10],
  ["site_local", "fec0::", 10],
  ["multicast", "ff00::", 8],
];

function blockLists(ranges: [AddressClass, string, number][], type: "ipv4" | "ipv6") {
  return ranges.map(([cls, network, prefix]) => {
    const list = new net.BlockList();
    list.addSubnet(network, prefix, type);
    return { cls, list };
  });
}

const V4_LISTS = blockLists(V4_RANGES, "ipv4");
const V6_LISTS = blockLists(V6_RANGES, "ipv6");
const GLOBAL_UNICAST_V6 = new net.BlockList();
GLOBAL_UNICAST_V6.addSubnet("2000::", 3, "ipv6");

/** The eight 16-bit groups of an IPv6 address, after WHATWG canonicalisation validated it. */
function ipv6Groups(ip: string): number[] | null {
  let canonical: string;
  try {
    canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head, tail] = canonical.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 ? groups : null;
}

function v4FromGroups(hi: number, lo: number): string {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join(".");
}

/** The IPv4 address an IPv6 address carries and hands traffic to: mapped, NAT64 or 6to4. */
export function embeddedIPv4(ip: string): string | null {
  const g = ipv6Groups(ip);
  if (!g) return null;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(5) && g5 === 0xffff) return v4FromGroups(g6, g7); // ::ffff:a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return v4FromGroups(g6, g7); // NAT64
  if (g0 === 0x2002) return v4FromGroups(g1, g2); // 6to4
  return null;
}

/** Which kind of address this is; anything but "public" is never a webhook destination (loopback aside). */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.replace(/%.*$/, ""); // a zone id (fe80::1%eth0) does not change the class
  const version = net.isIP(bare);
  if (version === 4) return V4_LISTS.find(({ list }) => list.check(bare, "ipv4"))?.cls ?? "public";
  if (version !== 6) return "invalid";
  const v4 = embeddedIPv4(bare);
  if (v4) return classifyAddress(v4);
  const hit = V6_LISTS.find(({ list }) => list.check(bare, "ipv6"));
  if (hit) return hit.cls;
  return GLOBAL_UNICAST_V6.check(bare, "ipv6") ? "public" : "reserved";
}

export function defaultAllowLoopback(): boolean {
  return process.env.KASSA_WEBHOOKS_ALLOW_LOOPBACK === "1";
}

/**
 * Public addresses always; loopback only when allowed, and only in its plain spellings (127.0.0.0/8, ::1):
 * an IPv6 form carrying 127.x (mapped, NAT64, 6to4) is refused even then.
 */
export function isAllowedAddress(ip: string, { allowLoopback = defaultAllowLoopback() }: GuardOptions = {}): boolean {
  const cls = classifyAddress(ip);
  if (cls === "public") return true;
  if (cls !== "loopback" || !allowLoopback) return false;
  return net.isIP(ip) === 4 || ipv6Groups(ip)?.join(":") === "0:0:0:0:0:0:0:1";
}

function refuse(reason: string, cause?: unknown): never {
  throw new KassaError("url_invalid", `Invalid webhook URL: ${reason}.`, { param: "url", cause });
}

const RESERVED_SUFFIXES = [".localhost", ".local", ".internal", ".localdomain", ".home.arpa"];

function checkHostName(host: string): void {
  if (host.endsWith(".")) refuse("the host name must not end with a dot");
  if (host === "localhost" || RESERVED_SUFFIXES.some((s) => host.endsWith(s))) {
    refuse(`the host name "${host}" is reserved for local or private networks`);
  }
  // A single label is resolved through search domains to internal hosts, never a public endpoint.
  if (!host.includes(".")) refuse(`the host name "${host}" is not a fully qualified domain name`);
}

function checkLiteral(ip: string, options: GuardOptions): void {
  if (!isAllowedAddress(ip, options)) {
    refuse(`the address ${ip} is ${classifyAddress(ip).replace("_", "-")} and not publicly routable`);
  }
}

/**
 * The registration check: syntax, scheme, credentials, names and literal addresses (no DNS).
 * Returns the parsed URL; callers store `url.href`, the normalised spelling that was checked.
 */
export function checkWebhookUrl(raw: string, options: CheckUrlOptions): URL {
  const { livemode, allowLoopback = defaultAllowLoopback() } = options;
  if (typeof raw !== "string" || raw.length === 0) refuse("a URL is required");
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) refuse(`it must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    refuse("it is not a valid absolute URL", error);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse(`the scheme must be https, not ${url.protocol.slice(0, -1)}`);
  if (url.protocol === "http:" && livemode) refuse("live mode endpoints must use https");
  if (url.username || url.password) refuse("it must not contain a user name or password");
  const host = url.hostname; // WHATWG has already turned decimal/octal/hex IPv4 spellings into dotted quads
  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  if (net.isIP(literal)) checkLiteral(literal, { allowLoopback });
  else checkHostName(host);
  return url;
}

const systemLookup: LookupAll = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

/**
 * The connect-time check: resolves every address of `hostname` and refuses (KassaError url_invalid) if
 * any one is not allowed, so a name with one public and one private address is refused. DNS failures
 * are rethrown as they came. Returns the vetted addresses, the only ones a caller may connect to.
 */
export async function resolveAndCheck(hostname: string, options: GuardOptions & { lookup?: LookupAll } = {}): Promise<ResolvedAddress[]> {
  const allowLoopback = options.allowLoopback ?? defaultAllowLoopback();
  const host = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  const version = net.isIP(host);
  if (version) {
    checkLiteral(host, { allowLoopback });
    return [{ address: host, family: version === 6 ? 6 : 4 }];
  }
  checkHostName(host);
  const addresses = await (options.lookup ?? systemLookup)(host);
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no addresses`), { code: "ENOTFOUND" });
  for (const { address } of addresses) {
    if (!isAllowedAddress(address, { allowLoopback })) {
      // Names the class, not the address: a 400 or delivery log must not map a merchant's view of our DNS.
      refuse(`${host} resolves to a ${classifyAddress(address).replace("_", "-")} address, which is not publicly routable`);
    }
  }
  return addresses;
}
