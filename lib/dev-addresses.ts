import os from "node:os";

/**
 * This machine's addresses on its networks as URL hosts (IPv6 in brackets), the ones `next dev`'s
 * "Network" line picks from. Link-local IPv6 (fe80::/10) is left out: a browser cannot open it
 * without a zone id.
 */
export function lanHosts(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  const hosts = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      if (i.internal) continue;
      if (i.family === "IPv4") hosts.add(i.address);
      else if (i.family === "IPv6" && !/^fe[89ab]/i.test(i.address)) hosts.add(`[${i.address}]`);
    }
  }
  return [...hosts];
}

/** The hosts a developer may open `npm run dev` at besides localhost: loopback and the LAN. */
export function devHosts(interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  return ["127.0.0.1", "[::1]", ...lanHosts(interfaces)];
}

/**
 * The addresses the dev server answers at on `port`. `boundTo` is the origin `next dev` says it
 * listens on: only localhost (every interface) answers on all of them; a server started with
 * `-H <host>` answers at that host alone.
 */
export function devUrls(port: string | number, boundTo?: string, interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  let bound: URL | undefined;
  try {
    bound = boundTo ? new URL(boundTo) : undefined;
  } catch {
    bound = undefined;
  }
  if (bound && bound.hostname !== "localhost") return [bound.origin];
  const scheme = bound?.protocol === "https:" ? "https" : "http";
  return ["localhost", "127.0.0.1", ...lanHosts(interfaces)].map((h) => `${scheme}://${h}:${port}`);
}
