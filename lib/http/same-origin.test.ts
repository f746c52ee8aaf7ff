import { describe, expect, it } from "vitest";
import { KassaError } from "@/lib/service/errors";
import { assertSameOriginJson } from "./same-origin";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/dashboard/refunds", { method, headers, ...(method === "GET" ? {} : { body: "{}" }) });
const outcome = (r: Request) => {
  try {
    assertSameOriginJson(r);
    return "ok";
  } catch (e) {
    if (e instanceof KassaError) return e.code;
    throw e;
  }
};
const json = { "content-type": "application/json", host: "127.0.0.1:3000" };

describe("assertSameOriginJson (CSRF on the dashboard's JSON writes)", () => {
  it("takes a same-origin JSON write from a dashboard page, and any read", () => {
    expect(outcome(req("POST", { ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe("ok");
    expect(outcome(req("POST", { ...json, origin: "http://127.0.0.1:3000" }))).toBe("ok");
    expect(outcome(req("GET", { host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toBe("ok");
  });

  it.each([
    ["another port on the same host (same-site)", { ...json, origin: "http://127.0.0.1:4000", "sec-fetch-site": "same-site" }],
    ["another site", { ...json, origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a same-origin claim that Sec-Fetch-Site contradicts", { ...json, origin: "http://127.0.0.1:3000", "sec-fetch-site": "cross-site" }],
    ["no Origin at all", { ...json }],
    ["a null Origin (sandboxed frame, file:)", { ...json, origin: "null" }],
  ])("refuses %s with 403 origin_not_allowed", (_label, headers) => {
    expect(outcome(req("POST", headers))).toBe("origin_not_allowed");
  });

  it.each([["text/plain;charset=UTF-8"], ["application/x-www-form-urlencoded"], ["multipart/form-data; boundary=x"], [""]])(
    "refuses a %j body (what no-cors fetch and forms send) with 415",
    (type) => {
      const headers: Record<string, string> = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" };
      if (type) headers["content-type"] = type;
      expect(outcome(req("POST", headers))).toBe("content_type_invalid");
    },
  );
});
