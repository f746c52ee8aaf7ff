import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext (where sign-in sends you)", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNext("/payments?status=succeeded#top")).toBe("/payments?status=succeeded#top");
    expect(safeNext("/developers/api-keys")).toBe("/developers/api-keys");
  });

  it.each([
    ["/\\evil.example/phish"], // the probe's finding: ?next=/%5Cevil.example/phish
    ["\\\\evil.example"],
    ["//evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\u0000/evil.example"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["https://evil.example/"],
    ["http:evil.example"],
    [" /dashboard"],
    [""],
  ])("sends %j to the dashboard instead", (next) => {
    expect(safeNext(next)).toBe("/dashboard");
  });

  it("keeps encoded slashes as a path on this site (never a host)", () => {
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNext("/%5Cevil.example")).toBe("/%5Cevil.example");
    expect(new URL(safeNext("/%2F%2Fevil.example"), "https://kassa.example").host).toBe("kassa.example");
  });
});
