// A small round-robin balancer in the runner's process, in front of the app instances: like a load
// balancer with health checks, it skips an instance marked out of rotation, and tries the next one when a
// connection is refused (nothing was sent). A request cut off mid-way — its instance killed — is a 502:
// the client cannot know whether it ran, and retries with the same Idempotency-Key.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Backend {
  name: string;
  port: number;
  /** In rotation: started and answering its health check. */
  inRotation: boolean;
  served: number;
}

export interface Proxy {
  url: string;
  /** Answers the proxy itself made: a killed instance (502) or none in rotation (503). */
  badGateway: number;
  close(): Promise<void>;
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

type Outcome = { kind: "answered" } | { kind: "refused" } | { kind: "cut" };

/** What a balancer tells the instance of the address the client used (a page's server actions compare it with the Origin). */
function forwarded(req: http.IncomingMessage): Record<string, string> {
  return req.headers.host ? { "x-forwarded-host": req.headers.host, "x-forwarded-proto": "http" } : {};
}

function forward(backend: Backend, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<Outcome> {
  return new Promise((resolve) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${backend.port}`, ...forwarded(req) },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => resolve({ kind: "answered" }));
        answer.on("error", () => {
          res.destroy();
          resolve({ kind: "cut" });
        });
      },
    );
    upstream.on("error", (err: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        resolve({ kind: "cut" });
      } else resolve(err.code === "ECONNREFUSED" ? { kind: "refused" } : { kind: "cut" });
    });
    upstream.end(body);
  });
}

export async function startProxy(backends: Backend[]): Promise<Proxy> {
  let next = 0;
  const state = { badGateway: 0 };
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const order = backends.map((_, i) => backends[(next + i) % backends.length]!).filter((b) => b.inRotation);
    next = (next + 1) % backends.length;
    for (const backend of order) {
      const outcome = await forward(backend, req, body, res);
      if (outcome.kind === "refused") continue;
      if (outcome.kind === "answered") backend.served++;
      if (outcome.kind === "cut" && !res.headersSent) {
        state.badGateway++;
        res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: { type: "proxy", message: `${backend.name} went away` } }));
      }
      return;
    }
    state.badGateway++;
    res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: { type: "proxy", message: "no instance in rotation" } }));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get badGateway() {
      return state.badGateway;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
