// The dev warm-up asks for each route once, then for the scripts its page names; a route that fails
// or never answers does not stop the others.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { scriptsOf, warmUp } from "./warm-up";

const seen: string[] = [];
let server: http.Server;
let origin: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url!);
    if (req.url === "/login")
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end('<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/b.js?v=1&amp;x=2"></script>');
    else if (req.url === "/dashboard") res.writeHead(307, { Location: "/login" }).end();
    else if (req.url === "/broken") req.socket.destroy();
    else res.writeHead(404).end("no");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

it("requests every route and the scripts of the pages that render, without following redirects", async () => {
  const result = await warmUp(origin, [{ path: "/login" }, { path: "/broken" }, { path: "/dashboard" }, { path: "/pay/cs_x" }]);
  expect(result.routes.map((r) => [r.path, r.status])).toEqual([
    ["/login", 200],
    ["/broken", null],
    ["/dashboard", 307],
    ["/pay/cs_x", 404],
  ]);
  expect(seen).toEqual(
    expect.arrayContaining(["/login", "/_next/static/chunks/a.js", "/_next/static/chunks/b.js?v=1&x=2", "/broken", "/dashboard", "/pay/cs_x"]),
  );
  expect(seen.filter((u) => u === "/login")).toHaveLength(1);
});

it("reads script sources from a page", () => {
  expect(scriptsOf('<script src="/_next/x.js"></script><script src="https://cdn/y.js"></script><script src="/_next/x.js"></script>')).toEqual(["/_next/x.js"]);
});
