// The route inventory: every handler under app/api/v1 has its registry entry (lib/openapi/operations.ts),
// every entry has its handler, and the handler takes its options from that entry.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATION_KEYS } from "./operations";
import { HTTP_METHODS } from "./operation-types";

const root = path.resolve(import.meta.dirname, "../..");
const apiDir = path.join(root, "app/api/v1");
/** The catch-all that answers route_not_found for every path no route matches: not an operation. */
const EXEMPT = new Set(["app/api/v1/[...path]/route.ts"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" || e.name === "route.tsx" ? [full] : [];
  });
}

/** "app/api/v1/payments/[id]/capture/route.ts" → "/api/v1/payments/:id/capture". */
function template(file: string): string {
  const dir = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
  return `/${dir.map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/")}`;
}

/** The HTTP methods a route module exports: `export const GET`, `export async function POST`, `export { x as PATCH }`. */
export function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  const names = HTTP_METHODS.join("|");
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var|(?:async\\s+)?function)\\s+(${names})\\b`, "g"))) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) methods.add(name);
    }
  }
  return [...methods];
}

const handlers = routeFiles(apiDir)
  .map((file) => ({ file: path.relative(root, file), route: template(file), source: fs.readFileSync(file, "utf8") }))
  .filter((h) => !EXEMPT.has(h.file));

const served = handlers.flatMap((h) => exportedMethods(h.source).map((method) => ({ ...h, key: `${method} ${h.route}` })));

describe("route inventory (app/api/v1 ↔ lib/openapi/operations.ts)", () => {
  it("finds the routes", () => {
    expect(handlers.length).toBeGreaterThan(80);
    expect(served.length).toBeGreaterThan(110);
  });

  it("every exported method of every route has its registry entry", () => {
    const missing = served.filter((s) => !(OPERATION_KEYS as string[]).includes(s.key)).map((s) => `${s.key} (${s.file})`);
    expect(missing).toEqual([]);
  });

  it("every registry entry has a route exporting it", () => {
    const keys = new Set(served.map((s) => s.key));
    expect(OPERATION_KEYS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("every route takes its options from its own entry", () => {
    const wrong = served.filter((s) => !s.source.includes(`operation("${s.key}")`)).map((s) => `${s.key} (${s.file})`);
    expect(wrong).toEqual([]);
  });

  it("only the catch-all is exempt, and it exists", () => {
    for (const file of EXEMPT) expect(fs.existsSync(path.join(root, file))).toBe(true);
  });

  it("reads every way a route module exports a method", () => {
    expect(exportedMethods("export const GET = a;\nexport async function POST() {}\nexport { x as PATCH, y as DELETE };").sort()).toEqual([
      "DELETE",
      "GET",
      "PATCH",
      "POST",
    ]);
  });
});
