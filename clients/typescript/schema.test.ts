// The committed client types are the document's: regenerated in memory from the document the app builds
// and compared with clients/typescript/schema.d.ts, so a route or schema changed without `npm run api:client` fails CI.
import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { currentDocument, SCHEMA_FILE, schemaSource } from "./generate";

test("clients/typescript/schema.d.ts is generated from the current OpenAPI document (run `npm run api:client`)", async () => {
  const expected = await schemaSource(await currentDocument());
  const committed = await readFile(SCHEMA_FILE, "utf8");
  expect(committed === expected, "clients/typescript/schema.d.ts is stale: run `npm run api:client` and commit it").toBe(true);
});
