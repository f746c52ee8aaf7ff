import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { buildArtifacts, staleArtifacts } from "@/scripts/contracts";
import { kassaEscrowBytecode } from "./artifacts/kassa-escrow";

describe("the committed contract artifacts", () => {
  it("are what a fresh compile of contracts/*.sol writes (run npm run contracts:build after editing a .sol)", () => {
    const fresh = buildArtifacts();
    expect([...fresh.keys()].map((f) => f.split("/").pop()).sort()).toEqual(["kassa-escrow.ts", "kassa-test-token.ts"]);
    expect(staleArtifacts(fresh)).toEqual([]);
    for (const [file, text] of fresh) expect(fs.readFileSync(file, "utf8")).toBe(text);
  });

  it("carry real creation bytecode", () => {
    expect(kassaEscrowBytecode).toMatch(/^0x(?:[0-9a-f]{2})+$/);
    expect(kassaEscrowBytecode.length).toBeGreaterThan(1000);
  });
});
