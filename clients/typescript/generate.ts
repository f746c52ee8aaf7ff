// `npm run api:client`: clients/typescript/schema.d.ts from the OpenAPI document (lib/openapi/document.ts),
// through openapi-typescript, formatted with the repo's Prettier config. schema.test.ts regenerates it in
// memory and fails when the committed file is stale. `tsx clients/typescript/generate.ts [document.json]` (default: the document built in process).
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import * as prettier from "prettier";

export const SCHEMA_FILE = fileURLToPath(new URL("./schema.d.ts", import.meta.url));

const HEADER = `// GENERATED FILE — do not edit. Written by \`npm run api:client\` (clients/typescript/generate.ts) with
// openapi-typescript from the OpenAPI document (lib/openapi/document.ts). Change the operation or object
// schema, then regenerate; clients/typescript/schema.test.ts fails when this file is stale.

`;

export async function schemaSource(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { silent: true });
  const config = await prettier.resolveConfig(SCHEMA_FILE);
  return prettier.format(HEADER + astToString(ast), { ...config, filepath: SCHEMA_FILE });
}

/** The document the app serves, built in process (the same builder as GET /api/v1/openapi.json). */
export async function currentDocument(): Promise<object> {
  const { buildOpenApiDocument } = await import("@/lib/openapi/document");
  return buildOpenApiDocument();
}

async function main() {
  const file = process.argv[2];
  const document = file ? JSON.parse(await readFile(file, "utf8")) : await currentDocument();
  await writeFile(SCHEMA_FILE, await schemaSource(document));
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
