// GET /api/v1/openapi.json through its handler (the request core included): no key, cacheable, strict query.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

const url = "http://localhost/api/v1/openapi.json";

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without a key, with an ETag and a public cache lifetime", async () => {
    const res = await GET(new Request(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/payments"].post.operationId).toBe("postPayments");

    const again = await GET(new Request(url, { headers: { "If-None-Match": res.headers.get("etag")! } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });

  it("refuses an unknown query parameter (400 parameter_unknown)", async () => {
    const res = await GET(new Request(`${url}?format=yaml`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "parameter_unknown", param: "format" });
  });
});
