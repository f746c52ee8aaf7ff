import net from "node:net";
import { expect, test } from "@playwright/test";

// `npm start` keeps an idle connection open 65 s (package.json, scripts/prod-server.ts), longer than a balancer's
// usual 60 s idle timeout: a balancer reusing a connection the server has just closed answers its client 502.
// Node's own default is 5 s. The e2e server is started the same way (playwright.config.ts).

function exchange(socket: net.Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const onData = (chunk: Buffer) => {
      text += chunk.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(text.slice(0, end + 2))?.[1];
      // A body of known length, or a chunked one up to its last (empty) chunk.
      if (length !== undefined ? text.length >= end + 4 + Number(length) : text.endsWith("\r\n0\r\n\r\n")) {
        socket.off("data", onData).off("close", onClose);
        resolve(text);
      }
    };
    const onClose = () => reject(new Error(`connection closed after ${JSON.stringify(text)}`));
    socket.on("data", onData).once("close", onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
  });
}

test("an idle kept-alive connection outlives Node's 5 s default: reused after 6 s, and the server says 65 s", async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  try {
    const first = await exchange(socket, "/api/ping");
    expect(first).toMatch(/^HTTP\/1\.1 200 /);
    expect(first).toMatch(/\r\nkeep-alive: timeout=65\r\n/i);
    await new Promise((r) => setTimeout(r, 6_000));
    expect(socket.destroyed).toBe(false);
    const second = await exchange(socket, "/api/ping");
    expect(second).toMatch(/^HTTP\/1\.1 200 /);
    expect(second).toMatch(/\r\n\r\n(2\r\n)?ok(\r\n0\r\n\r\n)?$/);
  } finally {
    socket.destroy();
  }
});
