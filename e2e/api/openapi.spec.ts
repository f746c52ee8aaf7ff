// The OpenAPI document over real HTTP: served without a key, OpenAPI 3.1, and every route the inventory
// knows (the operation registry and the route files under app/api/v1) is in its paths.
import { readdirSync } from "node:fs";
import path from "node:path";
import { OPERATION_KEYS } from "@/lib/openapi/operations";
import { expect, kassa, test } from "../support/api";

/** "app/api/v1/payments/[id]/capture" → "/api/v1/payments/{id}/capture", for every route.ts (the catch-all excepted). */
function routeFiles(dir = "app/api/v1"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? ["/" + dir.replace(/^app\//, "").replace(/\[(\w+)\]/g, "{$1}")] : [];
  });
}

test("GET /api/v1/openapi.json: 200, OpenAPI 3.1, every route of the inventory in paths", async () => {
  // Without a key: the document is public.
  const { data, response } = await kassa().GET("/api/v1/openapi.json");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  // The document's own schema types each path item as unknown; this test reads them as operations by method.
  const document = data as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  const missing = OPERATION_KEYS.filter((key) => {
    const [method, route] = key.split(" ") as [string, string];
    return !document.paths[route.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
  });
  expect(missing, "registry operations missing from the served document").toEqual([]);
  const files = routeFiles().filter((route) => route !== "/api/v1/openapi.json");
  expect(files.length).toBeGreaterThan(50);
  expect(
    files.filter((route) => !document.paths[route]),
    "route files missing from the served document",
  ).toEqual([]);
});
