import http from "node:http";
import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, safeFetch, type SafeFetchFailure, type SafeFetchResponse, type SafeFetchResult } from "./safe-fetch";
import type { LookupAll } from "./url-guard";

interface TestServer {
  port: number;
  url: string;
  /** TCP connections accepted, whether or not a request followed. */
  connections: number;
  requests: { method?: string; url?: string; host?: string; body: string; headers: http.IncomingHttpHeaders }[];
}

const servers: (http.Server | tls.Server)[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    if (server instanceof http.Server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<TestServer> {
  const state: TestServer = { port: 0, url: "", connections: 0, requests: [] };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      state.requests.push({ method: req.method, url: req.url, host: req.headers.host, body, headers: req.headers });
      handler(req, res);
    });
  });
  server.on("connection", () => (state.connections += 1));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}`;
  return state;
}

/** A port with nothing listening: bind, note it, close. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function ok(result: SafeFetchResult): SafeFetchResponse {
  if ("error" in result) throw new Error(`expected a response, got ${result.error}: ${result.message}`);
  return result;
}

function failed(result: SafeFetchResult): SafeFetchFailure {
  if (!("error" in result)) throw new Error(`expected a failure, got HTTP ${result.status}`);
  return result;
}

const local = { livemode: false, allowLoopback: true, timeoutMs: 5_000 } as const;

describe("safeFetch against local servers", () => {
  it("returns status, headers and the first 4 KB of a larger body, sending method, headers and body", async () => {
    const big = "0123456789abcdef".repeat(1024); // 16 KB
    const server = await startServer((_req, res) => res.writeHead(200, { "content-type": "text/plain", "x-seen": "1" }).end(big));
    const result = ok(
      await safeFetch(`${server.url}/hooks?x=1`, {
        ...local,
        method: "POST",
        headers: { "content-type": "application/json", "kassa-signature": "t=1,v1=abc" },
        body: '{"id":"evt_1"}',
      }),
    );
    expect(result.status).toBe(200);
    expect(result.redirected).toBe(false);
    expect(result.bodyText).toHaveLength(MAX_BODY_BYTES);
    expect(result.bodyText).toBe(big.slice(0, MAX_BODY_BYTES));
    expect(result.headers["x-seen"]).toBe("1");
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: "POST", url: "/hooks?x=1", body: '{"id":"evt_1"}' });
    expect(server.requests[0]?.headers["kassa-signature"]).toBe("t=1,v1=abc");
  });

  it("returns a short body whole", async () => {
    const server = await startServer((_req, res) => res.writeHead(202).end("accepted"));
    const result = ok(await safeFetch(server.url, local));
    expect([result.status, result.bodyText]).toEqual([202, "accepted"]);
  });

  it("stops after 4 KB of a body that never ends, well before the deadline", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write("x".repeat(MAX_BODY_BYTES + 10)); // then never ends
    });
    const result = ok(await safeFetch(server.url, { ...local, timeoutMs: 3_000 }));
    expect(result.bodyText).toBe("x".repeat(MAX_BODY_BYTES));
    expect(result.latencyMs).toBeLessThan(2_000);
  });

  it("returns a 301 as-is and never contacts the Location target", async () => {
    const target = await startServer((_req, res) => res.writeHead(200).end("you should not be here"));
    const redirector = await startServer((_req, res) => res.writeHead(301, { location: `${target.url}/stolen` }).end());
    const result = ok(await safeFetch(redirector.url, local));
    expect(result.status).toBe(301);
    expect(result.redirected).toBe(false);
    expect(result.headers.location).toBe(`${target.url}/stolen`);
    expect(redirector.requests).toHaveLength(1);
    expect(target.connections).toBe(0);
    expect(target.requests).toHaveLength(0);
  });

  it("gives up on a server that never answers with timeout after timeoutMs", async () => {
    const server = await startServer(() => undefined); // reads the request, never responds
    const result = failed(await safeFetch(server.url, { ...local, timeoutMs: 300 }));
    expect(result.error).toBe("timeout");
    expect(result.message).toMatch(/300 ms/);
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
    expect(result.latencyMs).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it("times out when headers arrive but the body stalls before 4 KB", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200);
      res.write("partial");
    });
    expect(failed(await safeFetch(server.url, { ...local, timeoutMs: 300 })).error).toBe("timeout");
  });

  it("connects to the vetted address but sends the name as TLS SNI; a failed handshake is tls", async () => {
    const sniSeen: string[] = [];
    // No certificate at all: recording the ClientHello's server name is all this server does.
    const server = tls.createServer({ SNICallback: (name, cb) => (sniSeen.push(name), cb(new Error("no certificate"))) });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const lookup: LookupAll = async () => [{ address: "127.0.0.1", family: 4 }];
    const result = failed(await safeFetch(`https://hooks.merchant.example:${port}/`, { ...local, livemode: true, lookup }));
    expect(result.error).toBe("tls");
    expect(sniSeen).toEqual(["hooks.merchant.example"]);
  });

  it("reports refused when nothing listens on the port", async () => {
    const port = await closedPort();
    const result = failed(await safeFetch(`http://127.0.0.1:${port}/`, local));
    expect(result).toMatchObject({ error: "refused", message: "connection refused" });
  });

  it("reports tls when an https URL reaches a server that does not speak TLS", async () => {
    const server = await startServer((_req, res) => res.writeHead(200).end());
    expect(failed(await safeFetch(`https://127.0.0.1:${server.port}/`, local)).error).toBe("tls");
  });
});

describe("safeFetch refuses before connecting", () => {
  function countingLookup(table: Record<string, string[]>) {
    const calls: string[] = [];
    const lookup: LookupAll = async (host) => {
      calls.push(host);
      const found = table[host];
      if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
      return found.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    };
    return { lookup, calls };
  }

  it("a name registered while public that now resolves to 127.0.0.1 is blocked, with no connection made", async () => {
    const server = await startServer((_req, res) => res.writeHead(200).end("reached"));
    const { lookup } = countingLookup({ "evil.example": ["127.0.0.1"] });
    const result = failed(await safeFetch(`http://evil.example:${server.port}/`, { livemode: false, allowLoopback: false, lookup }));
    expect(result.error).toBe("blocked");
    expect(result.message).toMatch(/evil\.example resolves to a loopback address/);
    expect(result.message).not.toContain("127.0.0.1");
    expect(server.connections).toBe(0);
  });

  it("control: with allowLoopback the same name connects once, to the vetted address, keeping the name as Host", async () => {
    const server = await startServer((_req, res) => res.writeHead(200).end("reached"));
    const { lookup, calls } = countingLookup({ "evil.example": ["127.0.0.1"] });
    const result = ok(await safeFetch(`http://evil.example:${server.port}/`, { livemode: false, allowLoopback: true, lookup }));
    expect(result.bodyText).toBe("reached");
    expect(server.connections).toBe(1);
    expect(server.requests[0]?.host).toBe(`evil.example:${server.port}`);
    expect(calls).toEqual(["evil.example"]); // resolved once; Node's own connect did not resolve again
  });

  it("a name with any refused address among its addresses is blocked: public+loopback, and loopback+private even with allowLoopback", async () => {
    const server = await startServer((_req, res) => res.writeHead(200).end());
    const { lookup } = countingLookup({
      "mixed.example": ["93.184.215.14", "127.0.0.1"],
      "mixed-private.example": ["127.0.0.1", "10.0.0.7"],
    });
    const opts = { livemode: false, lookup, timeoutMs: 1_000 };
    expect(failed(await safeFetch(`http://mixed.example:${server.port}/`, { ...opts, allowLoopback: false })).error).toBe("blocked");
    expect(failed(await safeFetch(`http://mixed-private.example:${server.port}/`, { ...opts, allowLoopback: true })).error).toBe("blocked");
    expect(server.connections).toBe(0);
  });

  it.each([
    ["a private literal", "http://10.0.0.1/", false],
    ["the metadata address in hex", "http://0xa9fea9fe/latest/meta-data/", false],
    ["loopback without allowLoopback", "http://127.0.0.1:9/", false],
    ["localhost", "http://localhost:9/", true],
    ["http in live mode", "http://hooks.example.com/", true],
  ])("blocks %s without DNS or a connection", async (_name, url, livemode) => {
    const { lookup, calls } = countingLookup({});
    const result = failed(await safeFetch(url, { livemode, allowLoopback: false, lookup }));
    expect(result.error).toBe("blocked");
    expect(calls).toEqual([]);
  });

  it("reports dns when the name does not resolve", async () => {
    const { lookup } = countingLookup({});
    const result = failed(await safeFetch("https://nowhere.example/", { livemode: true, lookup }));
    expect(result).toMatchObject({ error: "dns", message: "DNS lookup failed (ENOTFOUND)" });
  });

  it("the deadline also covers a DNS lookup that never returns", async () => {
    const lookup: LookupAll = () => new Promise(() => undefined);
    const result = failed(await safeFetch("https://slow-dns.example/", { livemode: true, lookup, timeoutMs: 200 }));
    expect(result.error).toBe("timeout");
    expect(result.latencyMs).toBeLessThan(2_000);
  });
});
