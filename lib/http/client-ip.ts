import { BlockList, isIP } from "node:net";

/**
 * The header carrying the TCP peer's address, written by Kassa itself for every request before Next
 * sees it (installPeerAddressHeader, from instrumentation.ts) — any value a client sends is replaced.
 * Next keeps a client's own X-Forwarded-For as it is, so that header alone proves nothing.
 */
export const PEER_HEADER = "x-kassa-peer-address";

/** KASSA_TRUSTED_PROXIES: comma-separated addresses or CIDRs of the proxies in front of Kassa. */
export function trustedProxies(raw = process.env.KASSA_TRUSTED_PROXIES ?? ""): BlockList {
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/");
    const type = isIP(address ?? "") === 6 ? "ipv6" : "ipv4";
    if (!isIP(address ?? "")) throw new Error(`KASSA_TRUSTED_PROXIES: "${entry}" is not an address or CIDR`);
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, Number(bits), type);
  }
  return list;
}

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
const trusted = (list: BlockList, address: string) => {
  const a = plain(address);
  const type = isIP(a) === 6 ? "ipv6" : isIP(a) === 4 ? "ipv4" : null;
  return type !== null && list.check(a, type);
};

/**
 * The client's address, for rate limits and audit rows. The peer, unless the peer is a trusted proxy:
 * then X-Forwarded-For is read from the right, skipping trusted proxies, and the first address no
 * trusted proxy vouches for is the client. Anything a client writes to the left is ignored.
 */
let configured: { raw: string; list: BlockList | null } | undefined;

/** KASSA_TRUSTED_PROXIES parsed once per value (null: none), not per request. */
function configuredProxies(): BlockList | null {
  const raw = process.env.KASSA_TRUSTED_PROXIES ?? "";
  if (configured?.raw !== raw) configured = { raw, list: raw.trim() ? trustedProxies(raw) : null };
  return configured.list;
}

export function clientIp(headers: Headers, proxies: BlockList | null = configuredProxies()): string | null {
  const peer = headers.get(PEER_HEADER);
  if (!peer) return null;
  let client = plain(peer);
  if (!proxies || !trusted(proxies, client)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .reverse();
  for (const hop of hops) {
    if (!isIP(plain(hop))) break;
    client = plain(hop);
    if (!trusted(proxies, client)) break;
  }
  return client;
}

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/** Writes each request's TCP peer into PEER_HEADER before any listener (Next) sees it. Idempotent. */
export function installPeerAddressHeader(server: { prototype: object }): void {
  const proto = server.prototype as { emit: Emit; __kassaPeer?: boolean };
  if (proto.__kassaPeer) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
      const address = req.socket?.remoteAddress;
      if (address) req.headers[PEER_HEADER] = address;
      else delete req.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  };
  proto.__kassaPeer = true;
}

/** For every HTTP server of this process (Next's included): installPeerAddressHeader on node:http. */
export async function recordPeerAddresses(): Promise<void> {
  installPeerAddressHeader((await import("node:http")).Server);
}
