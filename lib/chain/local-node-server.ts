/**
 * The local chain's process: one EDR chain served as JSON-RPC over HTTP on 127.0.0.1. Started by
 * startLocalChain() (lib/chain/local-chain.ts) with an IPC channel — it reports its URL there and exits
 * when that channel closes, so it never outlives the process that started it, even one killed with
 * SIGKILL. Run by hand (`npm run chain:local`, no IPC) it listens on --port (default 8545) until stopped.
 */
import http from "node:http";
import { createLocalNode, type JsonRpcRequest, type JsonRpcResponse, type LocalNode } from "./local-node";

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function invalid(id: JsonRpcResponse["id"], code: number, message: string): JsonRpcResponse {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

async function answer(node: LocalNode, body: string): Promise<JsonRpcResponse | JsonRpcResponse[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return invalid(null, -32700, "Parse error");
  }
  const one = (request: unknown): Promise<JsonRpcResponse> => {
    if (typeof request !== "object" || request === null || typeof (request as JsonRpcRequest).method !== "string") {
      return Promise.resolve(invalid(null, -32600, "Invalid request"));
    }
    return node.handle(request as JsonRpcRequest);
  };
  if (!Array.isArray(parsed)) return one(parsed);
  // A batch in order, one at a time: a node answers a batch's transactions in the order they were sent.
  const responses: JsonRpcResponse[] = [];
  for (const request of parsed) responses.push(await one(request));
  return responses;
}

function portArgument(): number {
  const at = process.argv.indexOf("--port");
  if (at === -1) return process.send ? 0 : 8545;
  const port = Number(process.argv[at + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port needs a port number, not ${process.argv[at + 1]}`);
  return port;
}

const node = await createLocalNode();
const server = http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    answer(node, Buffer.concat(chunks).toString("utf8"))
      .then((out) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(out)))
      .catch((error: unknown) => res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(invalid(null, -32603, String(error)))));
  });
});

function shutdown(): void {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("disconnect", shutdown);

server.listen(portArgument(), "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  if (process.send) process.send({ type: "ready", url });
  else console.log(`Kassa local chain (chain id 31337) at ${url}`);
});
