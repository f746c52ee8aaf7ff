import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Inngest event API (`POST /e/<key>`) that records what the real SDK sends:
 * for tests of code that hands events to the workflow engine without running the engine.
 */
export async function startEventApi() {
  const received: { id?: string; name: string; data: Record<string, unknown> }[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: "down" }));
        return;
      }
      const batch = JSON.parse(body || "[]") as typeof received | (typeof received)[number];
      const list = Array.isArray(batch) ? batch : [batch];
      received.push(...list);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ids: list.map((e) => e.id ?? ""), status: 200 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (n = 1) => void (failNext = n),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
