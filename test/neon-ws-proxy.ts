/**
 * A tiny local stand-in for Neon's WebSocket proxy, so tests can drive the real
 * `@neondatabase/serverless` driver (and `drizzle-orm/neon-serverless`) against an ordinary
 * PostgreSQL server.
 *
 * The driver opens `ws://<wsProxy(host, port)>` and then speaks the plain Postgres wire
 * protocol over binary WebSocket frames. This proxy accepts such a connection, reads the target
 * from the `address=host:port` query parameter (the same contract as Neon's `wsproxy`), opens a
 * TCP socket to it and pipes bytes both ways. Point the driver at it with
 * `NEON_WS_PROXY=127.0.0.1:<port>` (see `openDatabase` in db/client.ts), which amounts to:
 *
 *   neonConfig.webSocketConstructor = ws;
 *   neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxyPort}/v2?address=${host}:${port}`;
 *   neonConfig.useSecureWebSocket = false;   // plain ws://
 *   neonConfig.pipelineConnect = false;      // the test server uses trust auth, not passwords
 *
 * Test-only: it listens on loopback and, by default, only forwards to loopback targets.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

export interface NeonWsProxy {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** `host:port` of the proxy, the value `NEON_WS_PROXY` expects. */
  address: string;
  /** How many WebSocket connections the proxy has accepted so far. */
  connections(): number;
  /** Stops listening and tears down every open connection. */
  close(): Promise<void>;
}

export interface NeonWsProxyOptions {
  /** Which `host:port` targets may be dialled. Default: loopback hosts only. */
  allow?: (host: string, port: number) => boolean;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

function parseTarget(url: string | undefined): { host: string; port: number } | null {
  const address = new URL(url ?? "/", "http://proxy").searchParams.get("address");
  if (!address) return null;
  const colon = address.lastIndexOf(":");
  if (colon <= 0) return null;
  const host = address.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  const port = Number(address.slice(colon + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) return null;
  return { host, port };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export async function startNeonWsProxy(options: NeonWsProxyOptions = {}): Promise<NeonWsProxy> {
  const allow = options.allow ?? ((host) => LOOPBACK.has(host));
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  const open = new Set<{ ws: WebSocket; socket: net.Socket }>();
  let accepted = 0;

  wss.on("connection", (ws, req) => {
    const target = parseTarget(req.url);
    if (!target) {
      ws.close(1008, "missing or malformed ?address=host:port");
      return;
    }
    if (!allow(target.host, target.port)) {
      ws.close(1008, `target ${target.host}:${target.port} not allowed`);
      return;
    }
    accepted++;
    const socket = net.connect(target.port, target.host);
    socket.setNoDelay(true);
    const pair = { ws, socket };
    open.add(pair);

    // Client -> server. net.Socket buffers writes made while it is still connecting.
    ws.on("message", (data) => {
      if (!socket.destroyed) socket.write(toBuffer(data));
    });
    // Server -> client, always as binary frames.
    socket.on("data", (chunk) => {
      if (ws.readyState === ws.OPEN) ws.send(chunk, { binary: true });
    });

    const teardown = () => {
      open.delete(pair);
      if (!socket.destroyed) socket.end();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    };
    ws.on("close", teardown);
    ws.on("error", () => {
      socket.destroy();
      teardown();
    });
    socket.on("close", teardown);
    socket.on("error", () => {
      // The close handler follows; report it to the client as an abnormal close.
      if (ws.readyState === ws.OPEN) ws.close(1011, "upstream error");
    });
  });

  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });
  const { port } = wss.address() as AddressInfo;

  return {
    port,
    address: `127.0.0.1:${port}`,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const { ws, socket } of open) {
          socket.destroy();
          ws.terminate();
        }
        open.clear();
        wss.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
