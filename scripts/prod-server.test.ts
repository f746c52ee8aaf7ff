// package.json's `start` line cannot import scripts/prod-server.ts, so it spells out the same flags: this keeps
// `npm start` and the servers the bench, e2e, Lighthouse and chaos runs start (startProdServer) the same.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { nextStartArgs, PRODUCTION_NODE_FLAGS } from "./prod-server";

const start: string = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).scripts.start;

it("npm start gives next start the keep-alive timeout the other production servers get", () => {
  const args = nextStartArgs(3000);
  const flag = args.indexOf("--keepAliveTimeout");
  expect(flag).toBeGreaterThan(0);
  expect(start).toContain(`next start --keepAliveTimeout ${args[flag + 1]}`);
});

it("npm start gives Node the flags the other production servers get", () => {
  expect(start).toContain(`NODE_OPTIONS="${PRODUCTION_NODE_FLAGS} \${NODE_OPTIONS:-}"`);
});
