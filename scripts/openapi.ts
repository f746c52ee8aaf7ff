/**
 * The API's OpenAPI document (lib/openapi/document.ts) from the command line:
 *   tsx scripts/openapi.ts write <file>   the document as JSON (for the typed client's generator, for reading)
 *   tsx scripts/openapi.ts lint           `npm run openapi:lint`: written to a temp file and linted by redocly (redocly.yaml)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const root = path.resolve(import.meta.dirname, "..");

function write(file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
}

const [command, file] = process.argv.slice(2);
if (command === "write" && file) {
  write(file);
  console.log(`wrote ${file}`);
} else if (command === "lint") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-openapi-"));
  const out = path.join(dir, "openapi.json");
  write(out);
  const redocly = path.join(root, "node_modules/.bin/redocly");
  const lint = spawnSync(redocly, ["lint", out, "--config", path.join(root, "redocly.yaml")], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(lint.status ?? 1);
} else {
  console.error("usage: tsx scripts/openapi.ts write <file> | lint");
  process.exit(2);
}
